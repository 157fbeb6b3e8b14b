"""claimcheck: cross-check the figures in news text.

The library the CLI is a shell over, from one import::

    import checker
    sources = checker.read_documents(["wire/"])
    report = checker.gate(checker.read_document("draft.md"), sources)

Names are imported when first used, so that the command line starts fast. ``checker.gate``
and ``checker.check`` are the functions; their modules are reached with ``from checker.gate
import ...`` as usual.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

# public name -> module that defines it
_EXPORTS = {
    "extract": "claims",
    "Claim": "claims",
    "check": "checker.check",
    "CheckReport": "checker.check",
    "Cluster": "checker.check",
    "gate": "checker.gate",
    "GateReport": "checker.gate",
    "Finding": "checker.gate",
    "Ignore": "checker.suppress",
    "Settings": "checker.settings",
    "Document": "checker.documents",
    "document_of": "checker.documents",
    "read_document": "checker.documents",
    "read_documents": "checker.documents",
    "claims_of": "checker.documents",
    "ClaimcheckError": "checker.errors",
}
__all__ = sorted(_EXPORTS)
# Functions that share their name with a module of this package: the import system sets the
# module as an attribute of the package when it loads it, and the function must win.
_SHADOWED = ("check", "gate")


def _load(name: str) -> Any:
    return getattr(importlib.import_module(_EXPORTS[name]), name)


class _Package(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name not in _EXPORTS:
            raise AttributeError(f"module 'checker' has no attribute {name!r}")
        value = _load(name)
        if name not in _SHADOWED:
            setattr(self, name, value)
        return value

    def __getattribute__(self, name: str) -> Any:
        if name in _SHADOWED:
            return _load(name)
        return super().__getattribute__(name)

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *_EXPORTS})


sys.modules[__name__].__class__ = _Package
