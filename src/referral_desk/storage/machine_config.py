"""IT's machine settings, ``config.toml`` in the machine config dir, read strictly.

The file has one table, ``[machine]``, because the MSI writes it with Windows Installer's
IniFile table (``[section]`` and ``key=value``). A key the app does not know, a known key in
the wrong place (``registry_source`` above ``[machine]``, where TOML puts it in no table) or a
value of the wrong type is a problem with the file, the line and the key: a file with any
problem is not used at all, so a mistake never takes effect half-way or in silence, and the
window and ``selftest`` say what to correct (registry.source_folder decides what is used
instead).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from referral_desk.domain.errors import Message, MessageTemplate
from referral_desk.storage.key_lines import AT_LINE, KeyPath, line_of, together, toml_key_lines

MACHINE_TABLE = "machine"
_MAX_CONFIG_BYTES = 64_000


class MachineTable(BaseModel):
    """``[machine]``: what IT sets for every user of this computer."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    # The folder coordinators publish the signed partner registry in (registry.source_folder).
    registry_source: str | None = None


class MachineConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    machine: MachineTable = MachineTable()


CONFIG_UNREADABLE = MessageTemplate(
    "source.config_unreadable", "{file} kan niet gelezen worden ({error})"
)
CONFIG_NOT_TOML = MessageTemplate("source.config_not_toml", "{file} is geen geldige TOML ({error})")
MISPLACED = MessageTemplate("config.misplaced", "{where}: '{key}' hoort onder [{table}]")
UNKNOWN_KEY = MessageTemplate("config.unknown_key", "{where}: onbekende sleutel '{key}'")
WRONG_TYPE = MessageTemplate("config.wrong_type", "{where}: '{key}' moet {expected} zijn")
EXPECTED_TABLE = MessageTemplate("config.expected_table", "een tabel")
EXPECTED_TEXT = MessageTemplate("config.expected_text", "tekst tussen aanhalingstekens")
NOT_VALID = MessageTemplate("config.not_valid", "{where}: '{key}' is ongeldig ({error})")
NOT_USED = MessageTemplate(
    "config.not_used",
    "{problems} ({file} wordt niet gebruikt tot de IT-dienst het verbetert)",
)


@dataclass(frozen=True)
class MachineConfigReading:
    """What ``config.toml`` holds, or every problem with it (then ``config`` is None)."""

    file: Path
    present: bool
    config: MachineConfig | None
    problems: tuple[Message, ...] = ()

    @property
    def registry_source(self) -> str | None:
        return self.config.machine.registry_source if self.config is not None else None

    @property
    def said(self) -> Message | None:
        """Every problem in one message, and that the file is not used; None without any."""
        if not self.problems:
            return None
        return NOT_USED(problems=together(self.problems), file=str(self.file))


def read_machine_config(file: Path) -> MachineConfigReading:
    """The machine settings in *file*; an absent file is an empty, valid one."""
    try:
        with file.open("rb") as handle:
            raw = handle.read(_MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        return MachineConfigReading(file, False, MachineConfig())
    except OSError as error:
        problem = CONFIG_UNREADABLE(file=str(file), error=str(error.strerror or error))
        return MachineConfigReading(file, True, None, (problem,))
    try:
        if len(raw) > _MAX_CONFIG_BYTES:
            raise ValueError("te groot")
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as error:
        problem = CONFIG_NOT_TOML(file=str(file), error=str(error))
        return MachineConfigReading(file, True, None, (problem,))
    try:
        return MachineConfigReading(file, True, MachineConfig.model_validate(data))
    except ValidationError as error:
        problems = config_problems(file, text, data, error)
        return MachineConfigReading(file, True, None, problems)


def config_problems(
    file: Path, text: str, data: dict[str, Any], error: ValidationError
) -> tuple[Message, ...]:
    """One message per problem pydantic found, in the order of the file's lines; each names
    the file (its name: the whole path is said once, with all of them), the line and the key."""
    lines = toml_key_lines(text)
    found: list[tuple[int, Message]] = []

    def where(path: KeyPath) -> tuple[int, Message]:
        line = line_of(lines, path)
        if line is None:
            return 0, Message.plain(file.name)
        return line, AT_LINE(file=file.name, line=line)

    for item in error.errors(include_input=False):
        path = tuple(str(part) for part in item["loc"])
        line, at = where(path)
        key = ".".join(path)
        kind = item["type"]
        if kind == "extra_forbidden":
            for misplaced in _machine_keys_within(path, _at(data, path)):
                misplaced_line, misplaced_at = where(misplaced)
                said = MISPLACED(where=misplaced_at, key=misplaced[-1], table=MACHINE_TABLE)
                found.append((misplaced_line, said))
            if path[-1] not in MachineTable.model_fields:
                found.append((line, UNKNOWN_KEY(where=at, key=key)))
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            found.append((line, WRONG_TYPE(where=at, key=key, expected=EXPECTED_TABLE())))
        elif kind == "string_type":
            found.append((line, WRONG_TYPE(where=at, key=key, expected=EXPECTED_TEXT())))
        else:
            found.append((line, NOT_VALID(where=at, key=key, error=str(item["msg"]))))
    return tuple(said for _, said in sorted(found, key=lambda pair: pair[0]))


def _at(data: dict[str, Any], path: KeyPath) -> object:
    value: object = data
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _machine_keys_within(path: KeyPath, value: object) -> list[KeyPath]:
    """Known ``[machine]`` keys at *path* or in the tables under it: written in the wrong
    place, not unknown."""
    if path[-1] in MachineTable.model_fields and path != (MACHINE_TABLE, path[-1]):
        return [path]
    if not isinstance(value, dict):
        return []
    return [
        found
        for key, inner in value.items()
        for found in _machine_keys_within((*path, str(key)), inner)
    ]
