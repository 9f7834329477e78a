"""The sales report: every grouping adds up to the totals, in every output form."""

from __future__ import annotations

import csv
import io
import json

import pytest

from planner.formats.exhibitors_csv import read_exhibitors
from planner.formats.geojson_floor import read_floor
from planner.model.booking import set_status
from planner.model.pricing import booth_prices
from planner.model.reports import GROUPS, NO_EXHIBITOR, build_report
from planner.model.status import BLOCKED, STATUSES
from planner.packing.allocate import allocate
from tests.exhibitors.exhibitor_fixtures import EXHIBITORS, FLOORS, rows_on_floor, with_prices

AT = "2025-05-01T08:00:00Z"


@pytest.fixture(scope="module")
def fair():
    floor = with_prices(rows_on_floor(read_floor(FLOORS / "laocai-fair-2025.geojson")), 1_500_000)
    plan = floor.apply(read_exhibitors(EXHIBITORS / "laocai-fair-2025.csv", floor).patch)
    plan = plan.apply(allocate(plan, at=AT).patch)
    free = [b.id for b in plan.booths.values() if b.exhibitor_id is None][:5]
    return plan.apply(set_status(plan, free, BLOCKED, at=AT))


def test_every_grouping_adds_up_to_the_totals(fair):
    report = build_report(fair)
    total = report.total
    assert total.booths == len(fair.booths)
    assert total.area == pytest.approx(sum(b.geometry.area for b in fair.booths.values()))
    assert total.value == pytest.approx(sum(booth_prices(fair).values()))
    for name in GROUPS:
        rows = report.groups[name]
        assert sum(r.booths for r in rows) == total.booths, name
        assert sum(r.area for r in rows) == pytest.approx(total.area), name
        assert sum(r.value for r in rows) == pytest.approx(total.value), name
        for status in STATUSES:
            assert sum(r.by_status[status] for r in rows) == total.by_status[status]
    statuses = {r.key: r.booths for r in report.groups["status"]}
    assert statuses["blocked"] == 5
    assert sum(statuses.values()) - statuses["available"] - 5 == report.booths_held == 132
    unheld = {r.key: r.booths for r in report.groups["sector"]}[NO_EXHIBITOR]
    assert unheld == total.booths - 132


def test_revenue_matches_the_booths_by_status(fair):
    report = build_report(fair)
    prices = booth_prices(fair)

    def value(status: str) -> float:
        return sum(prices[b.id] for b in fair.booths.values() if b.status == status)

    revenue = report.revenue
    assert revenue.sold == pytest.approx(value("confirmed"))
    assert revenue.held == pytest.approx(value("reserved") + value("on_hold"))
    assert revenue.available == pytest.approx(value("available"))
    assert revenue.potential == pytest.approx(report.total.value - value("blocked"))
    assert revenue.sold > 0 and revenue.available > 0


def test_zone_and_country_groups_name_real_places(fair):
    report = build_report(fair)
    zones = {r.key: r for r in report.groups["zone"]}
    assert zones["Car display"].by_status["available"] < zones["Car display"].booths
    countries = {r.key: r.booths for r in report.groups["country"]}
    assert countries["LA"] == 4 and countries["TH"] == 1
    sectors = {r.key: r.booths for r in report.groups["sector"]}
    assert sectors["automobiles"] == 4 and sectors["culinary"] == 3
    halls = {r.key: r.booths for r in report.groups["hall"]}
    assert set(halls) == {"Hall A", "Outdoor area B"}
    assert halls["Outdoor area B"] >= zones["Car display"].booths + zones["Culinary court"].booths
    billing = {r.key: r for r in report.groups["exhibitor"]}
    assert len(billing) == 64 + 1  # every exhibitor, and the booths nobody holds
    for e in fair.exhibitors.values():
        row = billing[e.name]
        assert row.booths == e.booths_wanted == len(fair.booths_of(e.id))
        assert row.by_status[e.booking_status] == row.booths


def test_dict_csv_and_text_carry_the_same_figures(fair):
    report = build_report(fair)
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["total"]["booths"] == len(fair.booths)
    assert data["revenue"]["potential"] == pytest.approx(report.revenue.potential, abs=0.01)
    assert data["exhibitors"] == {
        "count": 64,
        "placed": 64,
        "booths_wanted": 132,
        "booths_held": 132,
    }
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    total = next(r for r in rows if r["group"] == "total")
    assert int(total["booths"]) == len(fair.booths)
    for name in GROUPS:
        assert sum(int(r["booths"]) for r in rows if r["group"] == name) == len(fair.booths)
    revenue = {r["key"]: float(r["value"]) for r in rows if r["group"] == "revenue"}
    assert revenue["sold"] == pytest.approx(report.revenue.sold, abs=0.01)
    text = report.to_text()
    assert "第25届中越国际商品交易会" in text
    assert f"{report.revenue.sold:,.0f} VND" in text
    assert "Confirmed / sold" in text and "Car display" in text


def test_an_empty_plan_reports_zeros():
    from planner.model import Plan

    report = build_report(Plan())
    assert report.total.booths == 0 and report.revenue.potential == 0
    assert [r.key for r in report.groups["status"]] == list(STATUSES)
    assert "0 booths" in report.to_text()


def test_names_with_the_same_booth_count_read_in_vietnamese_order(fair):
    # Đ sorts with D and accented letters with their base letter, as in the printed index;
    # by code point "Công ty TNHH Điện tử …" came after "Công ty TNHH Thủ công …".
    rows = [r for r in build_report(fair).groups["exhibitor"] if r.key != NO_EXHIBITOR]
    singles = [r.key for r in rows if r.booths == 1]
    assert singles.index("Công ty TNHH Điện tử Hà Giang 31") < singles.index(
        "Công ty TNHH Thủ công mỹ nghệ Điện Biên 10"
    )
    assert singles.index("Hợp tác xã Lâm sản Thái Nguyên 7") < singles.index(
        "Hợp tác xã Lâm sản Thái Nguyên 19"
    )
