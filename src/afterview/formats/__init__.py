"""Other programs' files: ICS, vCard, CSV, Markdown, the JSON contract, TOML editing, .eml and mailto, import.

May import the domain, models and errors; never the store, the CLI or Rich.
"""
