"""afterview: the hours and weeks after a job interview, as dated steps."""

__version__ = "0.1.0"
