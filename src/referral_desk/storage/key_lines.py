"""On which line a settings file writes each key, so a problem can point at it, and the
words for such a pointer.

``tomllib`` and ``json`` give values, never positions. These scans find them in text the
parser has already accepted: they only need to step over what can hide a line break or a
look-alike key (strings, multi-line strings, arrays, comments), not to judge the syntax.
"""

from __future__ import annotations

import bisect
import json
import tomllib
from collections.abc import Mapping

from referral_desk.domain.errors import Message, MessageTemplate

KeyPath = tuple[str, ...]

AT_LINE = MessageTemplate("config.at_line", "{file}, regel {line}")
AND_MORE = MessageTemplate("config.and_more", "{problem}; {more}")

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_BLANK = " \t"


class _Text:
    """Positions in one text, and its line numbers (1-based) by position."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks = [index for index, char in enumerate(text) if char == "\n"]

    def line(self, position: int) -> int:
        return bisect.bisect_left(self._breaks, position) + 1

    def skip_blank(self, position: int) -> int:
        text = self.text
        while position < len(text) and text[position] in _BLANK:
            position += 1
        return position

    def end_of_line(self, position: int) -> int:
        found = self.text.find("\n", position)
        return len(self.text) if found < 0 else found + 1

    def end_of_quoted(self, position: int, escapes: bool) -> int:
        """Just past the string that opens at *position* (one quote, or three)."""
        text = self.text
        quote = text[position]
        closing = quote * 3 if text.startswith(quote * 3, position) else quote
        index = position + len(closing)
        while index < len(text):
            if escapes and text[index] == "\\":
                index += 2
            elif text.startswith(closing, index):
                index += len(closing)
                # A multi-line string may end in one or two quotes of its own: """a"""""
                extra = 0
                while len(closing) == 3 and extra < 2 and text.startswith(quote, index):
                    index += 1
                    extra += 1
                return index
            else:
                index += 1
        return index


def _toml_key(scan: _Text, position: int) -> tuple[KeyPath, int]:
    """The dotted key at *position* (bare or quoted parts) and the position after it."""
    text = scan.text
    parts: list[str] = []
    while True:
        position = scan.skip_blank(position)
        if position < len(text) and text[position] in "\"'":
            end = scan.end_of_quoted(position, escapes=text[position] == '"')
            # The parser itself decodes the quoted part, escapes and all.
            parts.extend(tomllib.loads(text[position:end] + " = 0"))
        else:
            end = position
            while end < len(text) and text[end] in _BARE:
                end += 1
            parts.append(text[position:end])
        position = scan.skip_blank(end)
        if position < len(text) and text[position] == ".":
            position += 1
            continue
        return tuple(parts), position


def _end_of_toml_value(scan: _Text, position: int) -> int:
    """Just past the line on which the value at *position* ends."""
    text = scan.text
    depth = 0
    while position < len(text):
        char = text[position]
        if char in "\"'":
            position = scan.end_of_quoted(position, escapes=char == '"')
            continue
        if char == "#":
            position = scan.end_of_line(position) - 1
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "\n" and depth <= 0:
            return position + 1
        position += 1
    return position


def toml_key_lines(text: str) -> dict[KeyPath, int]:
    """Every table header and key of a valid TOML *text* by its full path, with the line it
    is first written on. The keys of an inline table are not looked into: they share the
    line of the key that holds them (:func:`line_of` finds it)."""
    scan = _Text(text)
    found: dict[KeyPath, int] = {}
    table: KeyPath = ()
    position = 0
    while position < len(text):
        position = scan.skip_blank(position)
        if position >= len(text):
            break
        char = text[position]
        if char in "\r\n#":
            position = scan.end_of_line(position)
            continue
        line = scan.line(position)
        if char == "[":
            double = text.startswith("[[", position)
            table, after = _toml_key(scan, position + (2 if double else 1))
            for length in range(1, len(table) + 1):
                found.setdefault(table[:length], line)
            position = scan.end_of_line(after)
            continue
        key, after = _toml_key(scan, position)
        for length in range(1, len(key) + 1):
            found.setdefault(table + key[:length], line)
        position = _end_of_toml_value(scan, after + 1)  # past the '='
    return found


def json_key_lines(text: str) -> dict[str, int]:
    """The keys of a valid JSON *text*'s outer object, with the line each is first written on."""
    scan = _Text(text)
    found: dict[str, int] = {}
    depth = 0
    position = 0
    while position < len(text):
        char = text[position]
        if char == '"':
            end = scan.end_of_quoted(position, escapes=True)
            after = scan.skip_blank(end)
            while after < len(text) and text[after] in "\r\n":
                after = scan.skip_blank(after + 1)
            if depth == 1 and after < len(text) and text[after] == ":":
                found.setdefault(json.loads(text[position:end]), scan.line(position))
            position = end
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        position += 1
    return found


def line_of(lines: Mapping[KeyPath, int], path: KeyPath) -> int | None:
    """The line of *path*, or of the nearest table or key that holds it."""
    for length in range(len(path), 0, -1):
        if path[:length] in lines:
            return lines[path[:length]]
    return None


def together(problems: tuple[Message, ...]) -> Message:
    """Several messages as one, in order, separated by semicolons (at least one)."""
    said = problems[-1]
    for problem in reversed(problems[:-1]):
        said = AND_MORE(problem=problem, more=said)
    return said
