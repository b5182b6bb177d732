"""The user's defaults file: option values a person is tired of typing, in TOML.

    # ~/.config/stretchcard/config.toml
    paper = "a4"              # every command that has --paper
    clinic = "~/clinic.toml"

    [build]
    layout = "handout"
    minutes = 10

Top-level keys apply to every command with that option; a table applies to one command. Keys
are option names with '-' or '_'. Precedence, highest first: the command line, environment
variables (STRETCHCARD_PAPER, ...), this file, built-in defaults.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any, Mapping

from .errors import StretchcardError

class ConfigError(StretchcardError):
    """The defaults file is unreadable or names an option that does not exist."""


def config_path(explicit: Path | None = None) -> Path:
    """The file named (by --config or STRETCHCARD_CONFIG), else
    $XDG_CONFIG_HOME/stretchcard/config.toml, which defaults to ~/.config/stretchcard/."""
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME", "").strip() or Path.home() / ".config"
    return Path(base) / "stretchcard" / "config.toml"


def load_defaults(known: Mapping[str, set[str]], named: Path | None = None) -> dict[str, dict]:
    """Click's default_map from the file: {command: {parameter: value}}; {} if there is none.

    `known` maps each command to its parameter names. A missing file is fine unless it was
    `named` explicitly.

    Raises:
        ConfigError: one line naming the file and the key.
    """
    path = config_path(named)
    if not path.is_file():
        if named:
            raise ConfigError(f"{path}: config file not found")
        return {}
    import tomllib

    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    defaults: dict[str, dict[str, Any]] = {name: {} for name in known}
    every = set().union(*known.values()) if known else set()
    for key, value in table.items():
        if isinstance(value, dict):
            if key not in known:
                raise ConfigError(f"{path}: [{key}]: " + _unknown("command", key, known))
            for sub, sub_value in value.items():
                param = _param(sub)
                if param not in known[key]:
                    raise ConfigError(f"{path}: {key}.{sub}: "
                                      + _unknown(f"option of {key}", sub, known[key]))
                defaults[key][param] = _value(sub_value)
            continue
        param = _param(key)
        if param not in every:
            raise ConfigError(f"{path}: {key}: " + _unknown("option", key, every))
        for name, params in known.items():
            if param in params:
                defaults[name].setdefault(param, _value(value))
    return {name: values for name, values in defaults.items() if values}


def _param(key: str) -> str:
    return key.strip().lstrip("-").replace("-", "_")


def _value(value: Any) -> Any:
    """TOML values as Click expects them; paths keep working when written with ~."""
    if isinstance(value, str):
        return os.path.expanduser(value) if value.startswith("~") else value
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def _unknown(kind: str, given: str, known) -> str:
    names = sorted(k.replace("_", "-") for k in known)
    close = difflib.get_close_matches(given.replace("_", "-"), names, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown {kind} {given!r}{hint} (known: {', '.join(names)})"
