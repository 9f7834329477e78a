"""Fixtures for the file-format tests."""

from __future__ import annotations

import pytest
from formats_helpers import full_plan

from planner.model import Plan


@pytest.fixture
def plan() -> Plan:
    return full_plan()
