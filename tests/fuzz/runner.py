"""A child process that runs ``boothplan`` commands one after another and reports on each.

Starting Python, shapely and numpy for every mutant would cost half a second each; this child
starts once and runs each command in-process through :func:`planner.cli.main`, as the
``boothplan`` script does. For each it reports, as one JSON line: the exit code, what was
printed to stderr, how long it took, the peak memory it needed above the child's baseline, and
the traceback of any exception that escaped (which the command line must never let happen).

Protocol: one JSON request per line on stdin, ``{"argv": [...]}``; one JSON answer per line on
stdout. A command that runs past the time limit is stopped by an alarm and reported as such; the
address-space limit stops one that tries to take the machine's memory.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import resource
import signal
import sys
import time
import traceback

TIME_LIMIT_S = 30
MEMORY_LIMIT_MB = 2048


class TimeLimit(BaseException):
    """Raised by the alarm; BaseException so that no ``except Exception`` can swallow it."""


def _alarm(_signum, _frame):
    raise TimeLimit()


def _rss_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return int(re.search(rf"{field}:\s+(\d+)", status.read()).group(1)) / 1024


def _reset_peak() -> None:
    with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w", encoding="ascii") as f:
        f.write("5")  # resets VmHWM, the peak resident size (Linux 4.0+)


def run(argv: list[str]) -> dict:
    from planner.cli import main

    out, err = io.StringIO(), io.StringIO()
    _reset_peak()
    base = _rss_mb("VmRSS")
    started = time.perf_counter()
    crash = ""
    signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT_S)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    except TimeLimit:
        code, crash = -1, f"still running after {TIME_LIMIT_S} s"
    except BaseException:  # SystemExit from argparse included: report whatever escaped
        code, crash = -2, traceback.format_exc()
        if isinstance(sys.exc_info()[1], SystemExit):
            code, crash = int(sys.exc_info()[1].code or 0), ""
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return {
        "code": code,
        "stderr": err.getvalue(),
        "seconds": round(time.perf_counter() - started, 3),
        "peak_mb": round(_rss_mb("VmHWM") - base, 1),
        "crash": crash,
    }


def serve() -> None:
    signal.signal(signal.SIGALRM, _alarm)
    # Far above what any command needs (the limit below is checked per command), low enough
    # that a runaway allocation fails here instead of swapping the machine.
    limit = int((_rss_mb("VmSize") + 4 * MEMORY_LIMIT_MB) * 1024 * 1024)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    for line in sys.stdin:
        request = json.loads(line)
        answer = run(request["argv"])
        sys.__stdout__.write(json.dumps(answer) + "\n")
        sys.__stdout__.flush()


if __name__ == "__main__":
    serve()
