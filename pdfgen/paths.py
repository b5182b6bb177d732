"""Where the built-in content and figures live, installed or in a source checkout."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path


@functools.lru_cache(maxsize=1)
def data_root() -> Path:
    """The folder holding `content/` and `figures/`.

    A wheel carries them inside the package as `pdfgen/_data/`, found through
    importlib.resources; an editable install or a source checkout has no `_data/`, so the
    repository's top level is used instead.
    """
    packaged = resources.files(__package__).joinpath("_data")
    if isinstance(packaged, Path) and (packaged / "content").is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "content").is_dir():
        return checkout
    raise RuntimeError(f"stretchcard's built-in content is missing (looked in {packaged} "
                       f"and {checkout}); reinstall the package")


def builtin_content_dir() -> Path:
    return data_root() / "content"


def builtin_figures_dir() -> Path:
    return data_root() / "figures"
