"""Helpers for reading and writing many entities at once."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while tens of thousands of objects are made.

    Parsed JSON, rows and entities hold no reference cycles, yet making them sets the collector
    off again and again, each time walking everything made so far: pausing it roughly halves the
    time to read a big plan. Safe with threads: only the outermost pause turns it back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


__all__ = ["paused_gc"]
