"""The line finder points at the line each key is written on, whatever the strings, arrays
and comments around it hold."""

from __future__ import annotations

import json
import tomllib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from referral_desk.storage.key_lines import json_key_lines, line_of, toml_key_lines

# Look-alikes of a header and a key inside values, where a naive scan would take them.
TRICKY = ["[machine]", "registry_source = 1", "# x", "a = 'b'", "[[t]]", "{ k = 1 }", '"q"']
_TEXT = st.text(alphabet="abc XYZ=[]#{}.,:", max_size=12) | st.sampled_from(TRICKY)
_SAFE = st.text(alphabet="abc XYZ=[]#{}.,:\n", max_size=20)


def _lines(text: str) -> list[str]:
    return text.split("\n")


@st.composite
def toml_values(draw: st.DrawFn) -> list[str]:
    """A value as the lines it is written on."""
    kind = draw(
        st.sampled_from(["int", "basic", "literal", "ml_basic", "ml_literal", "array", "inline"])
    )
    if kind == "int":
        return [str(draw(st.integers()))]
    if kind == "basic":
        return [json.dumps(draw(_TEXT))]
    if kind == "literal":
        literal = draw(_TEXT.filter(lambda text: "'" not in text))
        return [f"'{literal}'"]
    if kind == "ml_basic":
        return _lines(
            '"""' + draw(_SAFE | st.sampled_from(["\n[machine]\nregistry_source = 1\n"])) + '"""'
        )
    if kind == "ml_literal":
        return _lines("'''\n" + draw(_SAFE) + "\n" + draw(st.sampled_from(TRICKY)) + "'''")
    if kind == "array":
        items = draw(st.lists(_TEXT, max_size=3))
        body = "".join(f"  {json.dumps(item)}, # {draw(_TEXT)}\n" for item in items)
        return _lines("[\n" + body + "]")
    return [f"{{ a = {json.dumps(draw(_TEXT))}, b = [1, 2] }}"]


_BARE_KEYS = st.text(alphabet="abcdefgh_-019", min_size=1, max_size=6)
_KEYS = _BARE_KEYS.map(lambda key: (key, key)) | st.sampled_from(
    [('"a b"', "a b"), ("'x.y'", "x.y"), ('"é\\u00e9"', "éé"), ('"#"', "#")]
)


@st.composite
def toml_documents(draw: st.DrawFn) -> tuple[str, dict[tuple[str, ...], int]]:
    """A TOML text and the line of every key and table header in it."""
    out: list[str] = []
    expected: dict[tuple[str, ...], int] = {}

    def keys(table: tuple[str, ...]) -> None:
        used: set[str] = set()
        for written, key in draw(st.lists(_KEYS, max_size=4)):
            if key in used:
                continue
            used.add(key)
            if draw(st.booleans()):
                out.append(draw(st.sampled_from(["", "# [machine]", "  # registry_source = 1"])))
            value = draw(toml_values())
            expected[(*table, key)] = len(out) + 1
            indent = draw(st.sampled_from(["", "  ", "\t"]))
            equals = draw(st.sampled_from(["=", " = ", "\t=  "]))
            value[-1] += draw(st.sampled_from(["", " # = [x]", "  "]))
            out.append(f"{indent}{written}{equals}{value[0]}")
            out.extend(value[1:])

    keys(())
    tables = draw(st.lists(st.sampled_from(["machine", "other", "z-1"]), unique=True, max_size=3))
    for table in tables:
        expected[(table,)] = len(out) + 1
        out.append(draw(st.sampled_from([f"[{table}]", f"[ {table} ]", f'["{table}"] # t'])))
        keys((table,))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(out) + newline, expected


def _leaves(data: dict[str, Any], prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for key, value in data.items():
        path = (*prefix, key)
        found.add(path)
        if isinstance(value, dict) and len(path) == 1 and not value.keys() & {"a", "b"}:
            found |= _leaves(value, path)
    return found


@settings(max_examples=300, deadline=None)
@given(toml_documents())
def test_every_toml_key_is_found_on_its_line(
    document: tuple[str, dict[tuple[str, ...], int]],
) -> None:
    text, expected = document
    parsed = tomllib.loads(text)  # the finder only ever sees text the parser accepted
    found = toml_key_lines(text)
    for path, line in expected.items():
        assert found.get(path) == line, (path, text)
    assert _leaves(parsed) <= set(found)


def test_the_misplaced_key_of_an_msi_written_file() -> None:
    text = "registry_source='x'\r\n[machine]\r\nregistry_source='\\\\server\\share'\r\n"
    lines = toml_key_lines(text)
    assert lines[("registry_source",)] == 1
    assert lines[("machine",)] == 2
    assert lines[("machine", "registry_source")] == 3


def test_dotted_keys_arrays_of_tables_and_inline_tables() -> None:
    text = '[[t]]\na.b = 1\n[[t]]\nc = 2\n[u]\nv = { w = """\nx = 1\n""" }\ny = 3\n'
    tomllib.loads(text)
    lines = toml_key_lines(text)
    assert lines[("t",)] == 1 and lines[("t", "a")] == 2 and lines[("t", "a", "b")] == 2
    assert lines[("t", "c")] == 4
    assert lines[("u", "y")] == 9
    assert line_of(lines, ("u", "v", "w")) == 6
    assert line_of(lines, ("nowhere",)) is None


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.text(max_size=8),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=8),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=4), inner, max_size=3)
            ),
            max_leaves=6,
        ),
        max_size=5,
    ),
    st.sampled_from([None, 2, 4]),
)
def test_every_json_key_is_found_on_its_line(data: dict[str, Any], indent: int | None) -> None:
    text = json.dumps(data, indent=indent)
    found = json_key_lines(text)
    assert set(found) == set(data)
    for key, line in found.items():
        start = text.index(json.dumps(key) + ":") if indent is None else None
        if indent is None:
            assert line == 1 and start is not None
        else:
            written = f"\n{' ' * indent}{json.dumps(key)}: "
            assert line == text[: text.index(written) + 1].count("\n") + 1
