"""What a command does once its arguments are read, without Typer: each handler takes the command's
parameters as keyword arguments (the names and defaults of the Typer command, which calls it), checks
what was typed, calls the use case and renders its result.

The Typer commands in :mod:`afterview.cli` and the fast path of :mod:`afterview.cli.fast_lines` both call
these, so a command line answered without Typer runs the same code as one Typer parsed. A handler imports
Typer only where it asks something on a terminal.
"""
