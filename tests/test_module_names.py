"""Each module of the package binds each of its top-level names once: a second pattern of one
name would silently replace the first for every reader of it."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted([*ROOT.joinpath("claims").rglob("*.py"), *ROOT.joinpath("checker").rglob("*.py")])


def _bound_twice(source: str) -> list[str]:
    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names[node.name] += 1
        names.update(t.id for t in targets if isinstance(t, ast.Name))
    return sorted(n for n, count in names.items() if count > 1)


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(ROOT)) for p in MODULES])
def test_top_level_names_are_bound_once(path: Path) -> None:
    assert _bound_twice(path.read_text(encoding="utf-8")) == []


def test_a_name_bound_twice_is_found() -> None:
    assert _bound_twice('A = "x"\nB = 1\nA = "y"\n') == ["A"]
    assert _bound_twice("def f():\n    pass\nf = 2\n") == ["f"]
