"""Reading a file the user named: one set of sentences for the ways that can fail.

Only regular files are read. A named pipe would block the reader for ever, ``/dev/zero`` would
fill the memory, and a folder or a socket is no file at all, so each is refused by what it is
before a byte is read. A size cap per kind of file keeps a wrong file (a video, a disk image)
from taking the memory: a real floor or exhibitor list is far smaller.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from planner.errors import BoothplanError

MB = 1024 * 1024

_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def _what_it_is(mode: int) -> str:
    for test, name in _SPECIAL_KINDS:
        if test(mode):
            return name
    return "not a regular file"


def _megabytes(size: int) -> str:
    return f"{size / MB:,.0f} MB" if size >= 10 * MB else f"{size / MB:,.1f} MB"


def check_regular_file(
    path: str | os.PathLike[str], error: type[BoothplanError], kind: str
) -> os.stat_result:
    """The ``stat`` of ``path`` if it is a regular file (through links); otherwise ``error``
    with one sentence naming the file and what it is instead (``kind``: "CSV file")."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise error(f"{path} is a link to a file that does not exist.") from None
        raise error(f"{path} does not exist.") from None
    except PermissionError:
        raise error(f"{path} cannot be read: permission denied.") from None
    except OSError as failure:
        if failure.errno == errno.ELOOP:
            raise error(f"{path} is a symbolic link that leads round in a loop.") from None
        raise error(f"{path} cannot be read: {failure.strerror or failure}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise error(f"{path} is a folder, not a {kind}.")
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{path} is {_what_it_is(info.st_mode)}, not a {kind}.")
    return info


def read_input(
    path: str | os.PathLike[str],
    error: type[BoothplanError],
    kind: str,
    max_bytes: int | None = None,
) -> bytes:
    """The bytes of ``path``; a missing file, a folder, a pipe or device, an unreadable file or
    one over ``max_bytes`` raises ``error`` with one sentence naming the file (``kind`` says
    what it should have been: "CSV file")."""
    path = Path(path)
    check_regular_file(path, error, kind)
    try:
        # O_NONBLOCK: if the file was swapped for a pipe since the check, opening must not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise error(f"{path} cannot be read: permission denied.") from None
    except OSError as failure:
        raise error(f"{path} cannot be read: {failure.strerror or failure}.") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{path} is {_what_it_is(info.st_mode)}, not a {kind}.")
        if max_bytes is not None and info.st_size > max_bytes:
            raise error(
                f"{path} is {_megabytes(info.st_size)}, too large for a {kind} "
                f"(at most {_megabytes(max_bytes)}); is it the right file?"
            )
        try:
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
        except OSError as failure:
            raise error(f"{path} cannot be read: {failure.strerror or failure}.") from None
    if max_bytes is not None and len(data) > max_bytes:  # it grew while being read
        raise error(f"{path} is larger than a {kind} may be (at most {_megabytes(max_bytes)}).")
    return data


__all__ = ["MB", "check_regular_file", "read_input"]
