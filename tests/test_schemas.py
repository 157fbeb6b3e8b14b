"""Every JSON document the CLI writes validates against the JSON Schema shipped for it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from checker.cli import main
from checker.report.json import SCHEMAS, schema

ARTICLES = str(FIXTURES / "articles")
DRAFTS = FIXTURES / "drafts"
GATE = ["gate", str(DRAFTS / "wrong-toll.md"), "--source", ARTICLES]


def _validator(name: str) -> Draft202012Validator:
    registry: Registry[Any] = Registry().with_resources(
        (schema(n)["$id"], Resource.from_contents(schema(n))) for n in SCHEMAS
    )
    return Draft202012Validator(schema(name), registry=registry)


@pytest.mark.parametrize("name", SCHEMAS)
def test_each_schema_is_a_valid_schema(name: str) -> None:
    Draft202012Validator.check_schema(schema(name))


def test_the_schemas_ship_in_the_package() -> None:
    setup = (ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert "schemas/*.json" in setup
    shipped = sorted(p.stem for p in (ROOT / "checker" / "schemas").glob("*.json"))
    assert shipped == sorted(SCHEMAS)


CASES = [
    ("extract", ["extract", ARTICLES]),
    ("extract", ["extract", str(FIXTURES / "articles" / "paris-toll.txt")]),
    ("check", ["check", ARTICLES]),
    ("check", ["check", str(FIXTURES / "sets" / "conflicts"), "--explain"]),
    ("gate", GATE),
    ("gate", ["gate", *(str(p) for p in sorted(DRAFTS.iterdir())), "--source", ARTICLES]),
    ("gate", [*GATE, "--fail-on", "unsupported"]),
    ("statistics", [*GATE, "--statistics"]),
    ("statistics", ["check", ARTICLES, "--statistics"]),
    ("statistics", ["extract", ARTICLES, "--statistics"]),
]


@pytest.mark.parametrize(
    ("name", "args"), CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)]
)
def test_output_validates(name: str, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main([*args, "--format", "json"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    errors = sorted(_validator(name).iter_errors(json.loads(out)), key=str)
    assert errors == []


def test_a_suppressed_draft_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("<!-- claimcheck: ignore -->\n119 people died.\n<!-- claimcheck: on -->\n")
    main(["gate", str(draft), "--source", ARTICLES, "-f", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["ignored"] == 1 and data["reports"][0]["warnings"]
    assert list(_validator("gate").iter_errors(data)) == []


def test_the_schema_catches_a_wrong_shape(capsys: pytest.CaptureFixture[str]) -> None:
    main([*GATE, "-f", "json"])
    data = json.loads(capsys.readouterr().out)
    single = data["reports"][0] | {"schema": "claimcheck/1"}  # the old one-draft shape
    assert list(_validator("gate").iter_errors(single))
