"""The program's version, in a module of its own: the package's `__init__` lazily re-exports the
API, so a module that imported the version from the package would import in a circle."""

VERSION = "0.1.0"  # keep equal to pyproject.toml's version (tests/test_imports.py checks)
