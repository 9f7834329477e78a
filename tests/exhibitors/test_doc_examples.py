"""The examples in the exhibitor modules' docstrings stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "planner.model.booth_sides",
    "planner.model.spreadsheet",
    "planner.model.roster",
    "planner.model.natural_order",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
