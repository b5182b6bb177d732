"""stretchcard: printable back-pain stretch routines.

The public API lives in `pdfgen.api`; it is re-exported here lazily so that importing the
package (as the CLI does on every start) stays cheap.
"""

from .version import VERSION as __version__

__all__ = ["__version__", "build_pdf", "load_catalog", "make_plan", "make_request"]


def __getattr__(name: str):
    if name in ("build_pdf", "load_catalog", "make_plan", "make_request"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
