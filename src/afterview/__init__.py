"""afterview: the hours and weeks after a job interview, as dated steps."""

__version__ = "0.2.0.dev0"  # schema 2; 0.1.0 cannot read what this writes
