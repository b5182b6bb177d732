"""Domain errors. The CLI maps each to a one-line message and exit code 1; nothing else escapes."""

from __future__ import annotations


class StretchcardError(Exception):
    """Base of every error a user can cause and fix; its message is one line meant for them."""


class ContentError(StretchcardError):
    """Content files that do not load: every problem is `path:line: field: message`."""

    def __init__(self, problems: list[str]):
        self.problems = tuple(problems)
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}")


class NoFitError(StretchcardError):
    """The request cannot be met: the message says why and what would work."""


class LayoutError(StretchcardError):
    """The plan does not fit the chosen paper and layout."""


class OutputError(StretchcardError):
    """The output file cannot be written."""
