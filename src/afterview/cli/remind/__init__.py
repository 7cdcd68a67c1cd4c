"""``afterview remind``: :mod:`.line` is the one-line count every shell start runs (standard library only,
answered before Typer loads); :mod:`.command` is the command with its options (``--notify``, ``--install``,
``--uninstall``, ``--json``)."""
