"""The log of errors that are Boothplan's fault, not the user's: each with its traceback, in a
rotating file in the user's log folder (``platformdirs``; ``BOOTHPLAN_LOG_DIR`` overrides it).

A refusal of bad input (:class:`~planner.errors.BoothplanError`) is told to the user and not
logged; anything else is a bug, and the log is what a report of it needs.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import traceback
from pathlib import Path

import platformdirs

LOG_NAME = "boothplan.log"
LOG_BYTES = 1_000_000  # per file; with the backups, a few megabytes at most
LOG_BACKUPS = 3
_logger_name = "boothplan.unexpected"


def log_dir() -> Path:
    override = os.environ.get("BOOTHPLAN_LOG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir("Boothplan", appauthor=False))


def log_path() -> Path:
    return log_dir() / LOG_NAME


def _logger() -> logging.Logger:
    logger = logging.getLogger(_logger_name)
    path = log_path()
    current = [h for h in logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    if current and Path(current[0].baseFilename) == path:
        return logger
    for handler in current:
        logger.removeHandler(handler)
        handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.ERROR)
    logger.propagate = False  # a bug's traceback goes to the file, not onto the terminal
    return logger


def details(error: BaseException) -> str:
    """The error with its traceback, as a report needs it."""
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


def record(error: BaseException) -> str:
    """Write ``error`` and its traceback to the log; returns the details written. A log that
    cannot be written (a full disk, a read-only home) never hides the error itself."""
    text = details(error)
    with contextlib.suppress(OSError):
        _logger().error("unexpected error\n%s", text.rstrip())
    return text
