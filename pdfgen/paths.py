"""Where the built-in content and figures live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def data_root() -> Path:
    """The folder holding `content/` and `figures/`.

    A wheel carries them inside the package as `_data/`; an editable install or a source
    checkout does not, so fall back to the repository's top level.
    """
    packaged = Path(__file__).resolve().parent / "_data"
    if (packaged / "content").is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent


def builtin_content_dir() -> Path:
    return data_root() / "content"


def builtin_figures_dir() -> Path:
    return data_root() / "figures"
