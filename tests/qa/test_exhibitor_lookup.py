"""One way to find an exhibitor from what a user types, for booking commands and PDF call-outs.

``exhibitors assign`` wanted the exact name and the PDF took a part of it; neither took a name
typed without accents, as on a keyboard without Vietnamese input.
"""

from __future__ import annotations

import pytest

from planner.errors import BoothplanError
from planner.export.targets import find_exhibitor as pdf_target
from planner.model import Exhibitor, Plan
from planner.model.roster import find_exhibitor

PEOPLE = [
    Exhibitor(id="exhibitor-1", name="Công ty Cổ phần Nội thất Lào Cai 4", name_en="Lao Cai Furn"),
    Exhibitor(id="exhibitor-2", name="Công ty TNHH Điện tử Nghệ An 3"),
    Exhibitor(id="exhibitor-3", name="大理家具进出口有限公司20"),
    Exhibitor(id="exhibitor-4", name="Son La Tea"),
    Exhibitor(id="exhibitor-5", name="Sơn La Tea"),
]


@pytest.fixture(scope="module")
def plan():
    return Plan.from_entities(PEOPLE)


@pytest.mark.parametrize("find", [find_exhibitor, pdf_target], ids=["booking", "pdf"])
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("exhibitor-2", "exhibitor-2"),
        ("  công ty cổ phần nội thất lào cai 4 ", "exhibitor-1"),
        ("lao cai furn", "exhibitor-1"),
        ("cong ty tnhh dien tu nghe an 3", "exhibitor-2"),  # no accents, đ typed as d
        ("大理家具", "exhibitor-3"),  # a unique part
        ("Sơn La Tea", "exhibitor-5"),  # the exact name wins over the same without accents
        ("Son La Tea", "exhibitor-4"),
    ],
)
def test_what_a_user_types_finds_the_exhibitor(plan, find, typed, expected):
    assert find(plan, typed).id == expected


@pytest.mark.parametrize("find", [find_exhibitor, pdf_target], ids=["booking", "pdf"])
def test_ambiguous_and_unknown_names_are_one_sentence(plan, find):
    with pytest.raises(BoothplanError, match=r"'Công ty' matches 2 exhibitors \(Công ty Cổ phần"):
        find(plan, "Công ty")
    with pytest.raises(BoothplanError, match="give the full name or the id"):
        find(plan, "la tea")
    with pytest.raises(BoothplanError, match="no exhibitor"):
        find(plan, "Hà Nội")
