"""Where things live: the built-in content and figures (installed or in a checkout), and the
user's own folders for defaults and the cache."""

from __future__ import annotations

import functools
import os
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


def user_dir(env: str, fallback: str) -> Path | None:
    """$`env` (XDG_CONFIG_HOME, XDG_CACHE_HOME), else ~/`fallback`; None when neither the
    variable nor a home folder is known (HOME unset and no passwd entry, as in some containers):
    then there is simply no user config and no cache, rather than a crash.
    """
    base = os.environ.get(env, "").strip()
    if base:
        return Path(base)
    try:
        return Path.home() / fallback
    except (RuntimeError, KeyError, OSError):
        return None
