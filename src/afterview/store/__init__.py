"""The store: the JSON file, its lock, atomic saves, backups, migrations, the derived index and doctor.

Imports only :mod:`afterview.models`, :mod:`afterview.errors` and its own modules (never the domain or
the CLI). This file is kept light: the fast paths import :mod:`afterview.store.index` and
:mod:`afterview.store.paths` through it.
"""
