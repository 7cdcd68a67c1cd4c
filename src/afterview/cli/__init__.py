"""The command line: Typer commands that parse, call the domain and the store, and render."""
