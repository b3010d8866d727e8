"""Reader's benchmark (see run.py)."""
