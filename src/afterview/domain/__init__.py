"""The pure domain: which steps a hiring process needs and when they are due, drafts, debriefs, stats.

No I/O and no clock: "now", the profile and the public holidays are parameters. Imports only
:mod:`afterview.models`, :mod:`afterview.errors` and its own modules.
"""
