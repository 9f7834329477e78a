"""Fixtures for the file-format tests."""

from __future__ import annotations

import pytest

from planner.model import Plan
from tests.formats.formats_helpers import full_plan


@pytest.fixture
def plan() -> Plan:
    return full_plan()
