"""The JSON Schemas published in docs/schema/: generated from the models that read the files,
never stale, referenced by paths that exist, and the bundled registry and a referral's JSON
pass a real JSON Schema validator."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from referral_desk.sealing.documents import REFERRAL_JSON_SCHEMA, render_referral_json
from tests.registry.test_protocol_terms import version_1
from tests.sealing.test_documents import make_referral

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = ROOT / "config" / "partners.toml"
SCHEMAS = ROOT / "docs" / "schema"


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMAS / name).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def _as_json(value: Any) -> Any:
    """TOML values as JSON carries them: dates as ISO text."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _registry_errors(text: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(_schema("registry.schema.json"))
    data = _as_json(tomllib.loads(text))
    return [error.message for error in validator.iter_errors(data)]


def test_the_committed_schemas_are_what_the_script_makes() -> None:
    check = [sys.executable, str(ROOT / "scripts" / "update_json_schemas.py"), "--check"]
    done = subprocess.run(check, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_bundled_registry_names_a_schema_that_exists() -> None:
    first = REGISTRY.read_text("utf-8").splitlines()[0]
    assert first.startswith("#:schema ")  # taplo's directive
    target = (REGISTRY.parent / first.removeprefix("#:schema ").strip()).resolve()
    assert target == (SCHEMAS / "registry.schema.json").resolve() and target.is_file()


def test_the_bundled_registry_passes_the_published_schema() -> None:
    assert _registry_errors(REGISTRY.read_text("utf-8")) == []


def test_the_schema_refuses_what_the_app_refuses() -> None:
    text = REGISTRY.read_text("utf-8")
    without = text.replace('password_channel = "telefonisch of per sms, nooit per e-mail"\n', "", 1)
    assert any("'password_channel' is a required property" in e for e in _registry_errors(without))
    typo = text.replace("retention_years = 10", "retention_yaers = 10", 1)
    assert any("retention_yaers" in e for e in _registry_errors(typo))
    # A version 1 file is read by the app, but the published schema is the one written now.
    assert _registry_errors(version_1(text))


def test_the_referral_json_names_its_schema_by_a_path_that_exists() -> None:
    data = json.loads(render_referral_json(make_referral(corrects="KG-2026-AC3DEF")))
    assert data["$schema"] == REFERRAL_JSON_SCHEMA
    assert (ROOT / REFERRAL_JSON_SCHEMA).is_file()
    schema = _schema("referral.schema.json")
    assert schema["$id"] == REFERRAL_JSON_SCHEMA
    jsonschema.Draft202012Validator(schema).validate(data)


@pytest.mark.parametrize(
    "broken",
    [
        {"client": {"birth_date": "2001-01-01"}},
        {"schema_version": 2},
        {"notes": "gezin X"},
    ],
)
def test_the_referral_schema_refuses_what_parsing_refuses(broken: dict[str, Any]) -> None:
    data = json.loads(render_referral_json(make_referral()))
    for key, value in broken.items():
        if isinstance(value, dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(_schema("referral.schema.json")).validate(data)


def test_a_referral_json_written_before_the_schema_was_published_still_reads() -> None:
    from referral_desk.sealing.documents import (
        EARLIER_REFERRAL_JSON_SCHEMA,
        parse_referral_json,
    )

    data = json.loads(render_referral_json(make_referral()))
    data["$schema"] = EARLIER_REFERRAL_JSON_SCHEMA
    assert parse_referral_json(json.dumps(data).encode()).schema_id == EARLIER_REFERRAL_JSON_SCHEMA
