"""Human output through Rich, and JSON for scripts. With ``cli``, the only importer of rich.

Stored text is printed literally, never read as markup. :mod:`~afterview.render.console` holds the two
consoles; the other modules are the views of one command or group each.
"""
