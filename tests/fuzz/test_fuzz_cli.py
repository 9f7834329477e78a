"""Hostile input, mutated: the command line refuses in words, never crashes, hangs or swells.

Three targets, each fed mutants of real files: the sample floors (``new`` then, when accepted,
``pack``, ``check`` and ``pdf``), the sample exhibitor lists (``exhibitors import`` into a
packed plan) and a packed plan file's bytes (``info``, ``check``, ``pack``, ``exhibitors
export``). For every mutant and every command:

* the exit code is 0, 1 (``check`` found problems) or 2 (refused, one sentence);
* no exception escapes (no traceback), no warning is printed before the sentence;
* it ends within 30 s and needs at most 2 GB;
* refused, it leaves the user's files byte for byte as they were and writes no output.

``BOOTHPLAN_FUZZ_EXAMPLES`` sets the mutants per target (200 by default, as CI runs them, with
a fixed seed so CI is repeatable); ``BOOTHPLAN_FUZZ_RANDOM=1`` draws new ones each run for a
longer campaign.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
FLOORS = sorted((SHARED / "floors").glob("*.geojson"))
LISTS = sorted((SHARED / "exhibitors").glob("*.csv"))
PLAN = ROOT / "layouts" / "sonla-week-coopmart.boothplan"
EXAMPLES = int(os.environ.get("BOOTHPLAN_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("BOOTHPLAN_FUZZ_RANDOM") != "1",
    database=None,
    suppress_health_check=list(HealthCheck),
)
MAX_SECONDS = 30
MAX_MB = 2048

pytestmark = pytest.mark.skipif(
    not (FLOORS and LISTS), reason=f"the shared sample files are not in {SHARED}"
)


class Runner:
    """The long-lived child process of ``runner.py``; restarted if a mutant kills it."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None

    def _start(self) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("runner.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        )

    def run(self, *argv: str | Path) -> dict:
        if self.process is None or self.process.poll() is not None:
            self.process = self._start()
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps({"argv": [str(a) for a in argv]}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:  # the child died: a segfault or the kernel's OOM killer
            code = self.process.wait()
            self.process = None
            return {"code": code, "stderr": "", "seconds": 0, "peak_mb": 0, "crash": "died"}
        return json.loads(line)

    def close(self) -> None:
        if self.process is not None:
            self.process.stdin.close()
            self.process.wait(10)


@pytest.fixture(scope="module")
def runner():
    child = Runner()
    yield child
    child.close()


def _sha(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def _judge(result: dict, argv: tuple, allowed=(0, 1, 2)) -> None:
    said = f"boothplan {' '.join(map(str, argv))}"
    result = {**result, "stderr": result["stderr"][:2000]}
    assert not result["crash"], f"{said}: {result['crash']}"
    assert result["code"] in allowed, f"{said}: exit {result['code']}: {result['stderr']}"
    assert "Traceback" not in result["stderr"], f"{said}: {result['stderr']}"
    assert "Warning" not in result["stderr"], f"{said}: {result['stderr']}"
    assert result["seconds"] <= MAX_SECONDS, f"{said}: {result['seconds']} s"
    assert result["peak_mb"] <= MAX_MB, f"{said}: {result['peak_mb']} MB"
    if result["code"] == 2:
        # One sentence, then (for a CSV refused whole) one indented line per bad row.
        lines = result["stderr"].strip().splitlines()
        assert lines and lines[0].startswith("boothplan: "), f"{said}: {result['stderr']!r}"
        assert all(line.startswith(("boothplan: ", "  ")) for line in lines), (
            f"{said}: {result['stderr']!r}"
        )


# -- mutations of JSON ------------------------------------------------------------------------
ODD_NUMBERS = [
    0,
    -0.0,
    -1,
    1e-320,
    1e-9,
    0.01,
    0.49,
    200.5,
    1e6,
    1e7,
    1e15,
    1e308,
    -1e308,
    10**30,
    float("nan"),
    float("inf"),
]
ODD_VALUES = [
    None,
    True,
    "",
    "3",
    "cột",
    [],
    {},
    [[]],
    [0],
    [1, 2, 3],
    {"type": "Point"},
    "x" * 5000,
]


def _paths(value, prefix=()):
    """Every (path, leaf-or-node) in a JSON value, depth first."""
    yield prefix, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


def _set(data, path, value):
    if not path:
        return value
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def _delete(data, path):
    if not path:
        return data
    node = data
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return data


# A mutant is drawn as a short recipe of edits (what hypothesis prints when one fails), and
# made from it here; the bytes themselves would fill the screen.
ACTIONS = ["number", "value", "delete", "repeat", "nest"]


@st.composite
def json_recipes(draw) -> tuple:
    """One to three edits of a floor (a number made extreme, a value of the wrong kind, a key or
    item dropped, a feature repeated, deep nesting), or its text cut or its bytes flipped."""
    kind = draw(st.sampled_from(["edit"] * 9 + ["cut", "flip"]))
    picks = st.integers(0, 10**6)
    if kind == "cut":
        return ("cut", draw(picks))
    if kind == "flip":
        return ("flip", tuple(draw(st.tuples(picks, st.integers(0, 255))) for _ in range(4)))
    edits = st.tuples(st.sampled_from(ACTIONS), picks, picks, st.sampled_from([10, 70, 5000]))
    return ("edit", tuple(draw(st.lists(edits, min_size=1, max_size=3))))


def _nested(depth: int) -> str:
    return "[" * depth + "1" + "]" * depth


def json_mutant(source: Path, recipe: tuple) -> bytes:
    text = source.read_text(encoding="utf-8")
    kind, what = recipe
    if kind == "cut":
        return text.encode("utf-8")[: what % (len(text) + 1)]
    if kind == "flip":
        data = bytearray(text.encode("utf-8"))
        for at, value in what:
            data[at % len(data)] = value
        return bytes(data)
    data = json.loads(text)
    deep: list[str] = []
    for action, pick, choice, depth in what:
        nodes = list(_paths(data))
        path, _ = nodes[pick % len(nodes)]
        numbers = [p for p, v in nodes if isinstance(v, int | float) and not isinstance(v, bool)]
        if action == "number" and numbers:
            data = _set(data, numbers[pick % len(numbers)], ODD_NUMBERS[choice % len(ODD_NUMBERS)])
        elif action == "value":
            # A copy: one list put in two places would let a later edit nest it in itself.
            data = _set(data, path, copy.deepcopy(ODD_VALUES[choice % len(ODD_VALUES)]))
        elif action == "delete" and path:
            data = _delete(data, path)
        elif action == "repeat" and isinstance(data, dict) and data.get("features"):
            features = data["features"]
            features.append(json.loads(json.dumps(features[choice % len(features)])))
        elif action == "nest":
            # Deep nesting goes in as text: Python's own json cannot build it.
            deep.append(_nested(depth))
            data = _set(data, path, f"@@deep{len(deep) - 1}@@")
    out = json.dumps(data, ensure_ascii=False, allow_nan=True)
    for n, nested in enumerate(deep):
        out = out.replace(f'"@@deep{n}@@"', nested)
    return out.encode("utf-8")


@FUZZ
@given(st.data())
def test_mutated_floors(runner, tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("floor")
    source = data.draw(st.sampled_from(FLOORS))
    floor = folder / "floor.geojson"
    floor.write_bytes(json_mutant(source, data.draw(json_recipes())))
    before = _sha(floor)
    plan = folder / "plan.boothplan"
    argv = ("new", "--floor", floor, "-o", plan)
    result = runner.run(*argv)
    _judge(result, argv, allowed=(0, 2))
    event(f"new: exit {result['code']}")  # --hypothesis-show-statistics tells how many got in
    assert _sha(floor) == before
    if result["code"] == 2:
        assert not plan.exists() and sorted(p.name for p in folder.iterdir()) == [floor.name]
        return
    for argv in (("pack", plan), ("check", plan), ("pdf", plan, "-o", folder / "map.pdf")):
        plan_before = _sha(plan)
        result = runner.run(*argv)
        _judge(result, argv)
        if result["code"] == 2:
            assert _sha(plan) == plan_before
    assert _sha(floor) == before


# -- mutations of CSV -------------------------------------------------------------------------
CSV_PIECES = [
    ",",
    ";",
    "\t",
    '"',
    '""',
    "\n",
    "\r\n",
    "\x00",
    "\ufeff",
    "=1+2",
    "-5",
    "1e9",
    "99999999999999999999",
    "confirmed",
    "Sơn La",
    "大理",
    "x" * 200_000,
    "sep=;\n",
]


@st.composite
def csv_recipes(draw) -> tuple:
    edit = st.tuples(
        st.sampled_from(["insert", "delete", "flip", "cut"]),
        st.integers(0, 10**6),
        st.integers(0, len(CSV_PIECES) - 1),
        st.integers(0, 255),
    )
    return tuple(draw(st.lists(edit, min_size=1, max_size=4)))


def csv_mutant(source: Path, recipe: tuple) -> bytes:
    data = source.read_bytes()
    for action, pick, piece, value in recipe:
        at = pick % (len(data) + 1)
        if action == "insert":
            data = data[:at] + CSV_PIECES[piece].encode("utf-8") + data[at:]
        elif action == "delete":
            data = data[:at] + data[at + 1 + value % 40 :]
        elif action == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([value]) + data[at + 1 :]
        elif action == "cut":
            data = data[:at]
    return data


@pytest.fixture(scope="module")
def packed_plan(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("packed") / "plan.boothplan"
    shutil.copyfile(PLAN, path)
    return path


@FUZZ
@given(st.data())
def test_mutated_exhibitor_lists(runner, packed_plan, tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("csv")
    plan = folder / "plan.boothplan"
    shutil.copyfile(packed_plan, plan)
    csv = folder / "list.csv"
    csv.write_bytes(csv_mutant(data.draw(st.sampled_from(LISTS)), data.draw(csv_recipes())))
    before = (_sha(plan), _sha(csv))
    extra = data.draw(st.sampled_from([[], ["--skip-bad"], ["--add-sectors"], ["--dry-run"]]))
    argv = ("exhibitors", "import", plan, csv, *extra)
    result = runner.run(*argv)
    _judge(result, argv, allowed=(0, 2))
    event(f"import: exit {result['code']}")
    assert _sha(csv) == before[1]
    if result["code"] == 2 or "--dry-run" in extra:
        assert _sha(plan) == before[0]
    else:
        _judge(runner.run("check", plan), ("check", plan))


# -- mutations of a plan file's bytes ---------------------------------------------------------
PAGE = 4096


@st.composite
def plan_recipes(draw) -> tuple:
    """Bits flipped anywhere, bytes changed in the schema page or anywhere, a range scribbled
    over, the file cut short, or one page copied over another."""
    action = draw(st.sampled_from(["bits", "bytes", "schema", "range", "cut", "page"]))
    picks = st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), min_size=1, max_size=4)
    return (action, tuple(draw(picks)))


def plan_mutant(recipe: tuple) -> bytes:
    data = bytearray(PLAN.read_bytes())
    action, picks = recipe
    size = len(data)
    for pick, value in picks:
        if action == "bits":
            data[pick % size] ^= 1 << (value % 8)
        elif action == "bytes":
            data[100 + pick % (size - 100)] = value
        elif action == "schema":  # page 1, after the header, holds the tables' definitions
            data[100 + pick % (PAGE - 100)] = value
        elif action == "range":
            at = pick % size
            data[at : at + 1 + value] = bytes([value]) * (1 + value)
        elif action == "cut":
            return bytes(data[: pick % size])
        else:
            pages = size // PAGE
            a, b = 1 + pick % (pages - 1), 1 + value % (pages - 1)
            data[b * PAGE : (b + 1) * PAGE] = data[a * PAGE : (a + 1) * PAGE]
    return bytes(data[:size])


@FUZZ
@given(st.data())
def test_mutated_plan_files(runner, tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("plan")
    plan = folder / "plan.boothplan"
    plan.write_bytes(plan_mutant(data.draw(plan_recipes())))
    before = _sha(plan)
    result = runner.run("info", plan)
    _judge(result, ("info", plan), allowed=(0, 2))
    assert _sha(plan) == before
    readable = result["code"] == 0
    outside = "changed outside Boothplan" in result["stderr"]
    event("info: read" if readable else "info: refused")
    event("info: changed outside" if outside else "info: as saved")
    for argv in (("check", plan), ("exhibitors", "export", plan, "-o", folder / "out.csv")):
        result = runner.run(*argv)
        _judge(result, argv)
        assert _sha(plan) == before
        assert (result["code"] == 2) == (not readable), f"{argv}: {result['stderr']}"
    result = runner.run("pack", plan)
    _judge(result, ("pack", plan))
    if not readable or outside:
        # Never saved over a plan read as damaged, or changed where only the checksum sees it.
        assert result["code"] == 2 and _sha(plan) == before
    elif result["code"] == 0:
        _judge(runner.run("check", plan), ("check", plan))
