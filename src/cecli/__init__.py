"""cec: keep the records of a school community council and check them against the state's rules."""

__version__ = "0.1.0"
