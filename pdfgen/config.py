"""The user's defaults file: option values a person is tired of typing, in TOML.

    # ~/.config/stretchcard/config.toml
    paper = "a4"              # every command that has --paper
    clinic = "~/clinic.toml"

    [build]
    layout = "handout"
    minutes = 10

Top-level keys apply to every command with that option; a table applies to one command. Keys
are the long option names a person sees in `--help` (`area`, `format`, `jobs`, `clinic`), with
'-' or '_'; they are mapped here to the program's parameter names, which a user never sees. Precedence, highest first: the command line, environment
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


def config_path(explicit: Path | None = None) -> Path | None:
    """The file named (by --config or STRETCHCARD_CONFIG), else
    $XDG_CONFIG_HOME/stretchcard/config.toml, which defaults to ~/.config/stretchcard/; None
    when no home folder is known."""
    from .paths import user_dir

    if explicit:
        return Path(explicit).expanduser()
    base = user_dir("XDG_CONFIG_HOME", ".config")
    return base / "stretchcard" / "config.toml" if base else None


MAX_CONFIG_BYTES = 64 * 1024


def load_defaults(known: Mapping[str, Mapping[str, str]],
                  named: Path | None = None) -> dict[str, dict]:
    """Click's default_map from the file: {command: {parameter: value}}; {} if there is none.

    `known` maps each command to {long option name as in --help: parameter name}. A missing
    file is fine unless it was `named` explicitly.

    Raises:
        ConfigError: one line naming the file and the key.
    """
    from .infile import FileRefused, read_regular

    path = config_path(named)
    if path is None:
        return {}
    try:
        data = read_regular(path, MAX_CONFIG_BYTES)
    except FileRefused as exc:
        if exc.missing and not named:
            return {}
        raise ConfigError(f"{path}: config file not found" if exc.missing
                          else f"{path}: {exc.reason}") from None
    import tomllib    # only when there is a file: most runs have none

    try:
        table = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    defaults: dict[str, dict[str, Any]] = {name: {} for name in known}
    every = {option for options in known.values() for option in options}
    for key, value in table.items():
        if isinstance(value, dict):
            if key not in known:
                raise ConfigError(f"{path}: [{key}]: " + _unknown("command", key, known))
            for sub, sub_value in value.items():
                option = _option(sub)
                if option not in known[key]:
                    raise ConfigError(f"{path}: {key}.{sub}: "
                                      + _unknown(f"option of {key}", sub, known[key]))
                defaults[key][known[key][option]] = _value(sub_value)
            continue
        option = _option(key)
        if option not in every:
            raise ConfigError(f"{path}: {key}: " + _unknown("option", key, every))
        for name, options in known.items():
            if option in options:
                defaults[name].setdefault(options[option], _value(value))
    return {name: values for name, values in defaults.items() if values}


def _option(key: str) -> str:
    return key.strip().lstrip("-").replace("_", "-")


def _value(value: Any) -> Any:
    """TOML values as Click expects them; paths keep working when written with ~."""
    if isinstance(value, str):
        return os.path.expanduser(value) if value.startswith("~") else value
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def _unknown(kind: str, given: str, known) -> str:
    names = sorted(known)
    close = difflib.get_close_matches(_option(given), names, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown {kind} {given!r}{hint} (known: {', '.join(names)})"
