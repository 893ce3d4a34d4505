"""IT's config.toml is read strictly: every unknown or misplaced key and wrong type is a
problem naming the file, the line and the key, and a file with one is not used at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from referral_desk.storage.machine_config import MachineConfig, read_machine_config


def _reading(tmp_path: Path, text: str) -> tuple[Path, list[str]]:
    file = tmp_path / "config.toml"
    file.write_bytes(text.encode("utf-8"))
    return file, [problem.dutch for problem in read_machine_config(file).problems]


def test_a_top_level_registry_source_is_misplaced_not_used(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text("# IT\nregistry_source = '\\\\server\\share'\n", "utf-8")
    reading = read_machine_config(file)
    assert reading.present and reading.config is None and reading.registry_source is None
    assert [p.dutch for p in reading.problems] == [
        "config.toml, regel 2: 'registry_source' hoort onder [machine]"
    ]
    assert reading.said is not None
    # The whole path once, as this system writes it.
    assert reading.said.dutch.endswith(
        f"({file} wordt niet gebruikt tot de IT-dienst het verbetert)"
    )


def test_the_msi_form_is_valid(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_bytes(b"[machine]\r\nregistry_source='\\\\server\\share\\kg'\r\n")
    reading = read_machine_config(file)
    assert reading.problems == () and reading.said is None
    assert reading.registry_source == "\\\\server\\share\\kg"


def test_an_absent_file_is_an_empty_valid_one(tmp_path: Path) -> None:
    reading = read_machine_config(tmp_path / "config.toml")
    assert not reading.present and reading.config == MachineConfig() and reading.said is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "[machine]\nregistry_sourc = 'x'\n",
            "regel 2: onbekende sleutel 'machine.registry_sourc'",
        ),
        ("[machine]\n\n[other]\nx = 1\n", "regel 3: onbekende sleutel 'other'"),
        (
            "[machine]\nregistry_source = 5\n",
            "regel 2: 'machine.registry_source' moet tekst tussen aanhalingstekens zijn",
        ),
        ("machine = 'x'\n", "regel 1: 'machine' moet een tabel zijn"),
        ("[machine.registry_source]\nx = 1\n", "regel 1: 'machine.registry_source' moet tekst"),
        (
            "[registry]\n\nregistry_source = 'x'\n",
            "regel 3: 'registry_source' hoort onder [machine]",
        ),
    ],
)
def test_each_problem_names_the_line_and_the_key(tmp_path: Path, text: str, said: str) -> None:
    _, problems = _reading(tmp_path, text)
    assert any(problem.startswith("config.toml, ") and said in problem for problem in problems), (
        problems
    )


def test_several_problems_in_the_order_of_the_lines(tmp_path: Path) -> None:
    text = "registry_source = 'a'\n[machine]\nregistry_source = 1\nextra = true\n"
    _, problems = _reading(tmp_path, text)
    assert problems == [
        "config.toml, regel 1: 'registry_source' hoort onder [machine]",
        "config.toml, regel 3: 'machine.registry_source' moet tekst tussen aanhalingstekens zijn",
        "config.toml, regel 4: onbekende sleutel 'machine.extra'",
    ]
    reading = read_machine_config(tmp_path / "config.toml")
    assert reading.said is not None and reading.said.dutch.count("; ") == 2


def test_a_file_that_is_not_toml_is_one_problem(tmp_path: Path) -> None:
    _, problems = _reading(tmp_path, "registry_source = [\n")
    [problem] = problems
    assert "geen geldige TOML" in problem
