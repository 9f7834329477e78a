"""Replace a file so that a crash or a full disk leaves the old file or the new one, never half.

The new content is written to a temporary file in the same folder (so the final rename stays on
one filesystem and is atomic), flushed to disk with ``fsync``, renamed over the target with
``os.replace``, and then the folder itself is synced so the rename survives a power cut.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from planner.errors import BoothplanError

TEMP_SUFFIX = ".saving"


class ReadOnlyFileError(PermissionError):
    """The target exists but is read-only: the rename would replace it all the same (it only
    needs the folder to be writable), so a file someone locked with ``chmod a-w`` is refused."""

    def __init__(self, target: Path) -> None:
        super().__init__(errno.EACCES, "the file is read-only", str(target))


def _refuse_read_only(target: Path) -> None:
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # no file yet: nothing to protect
    if stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(target, os.W_OK)):
        raise ReadOnlyFileError(target)


def temp_prefix(path: Path) -> str:
    """Temporary files for ``path`` are ``.NAME.PID-RANDOM.saving`` beside it (hidden)."""
    return f".{path.name}."


def _fsync_path(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # some platforms cannot open folders; the rename is still atomic
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _new_file_mode(target: Path) -> int:
    """Keep the old file's permissions; a new file gets the usual 0666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_stale_temps(target: Path) -> None:
    """Remove temporary files left by an earlier save of ``target`` that was killed.

    A temporary file names the process that wrote it; it is removed only when that process is
    gone, so a save running at the same moment in another process is never disturbed.
    """
    prefix = temp_prefix(target)
    for leftover in target.parent.glob(f"{glob_escape(prefix)}*{TEMP_SUFFIX}"):
        pid_text = leftover.name[len(prefix) :].split("-", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid():
            continue
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            with contextlib.suppress(OSError):
                leftover.unlink()
        except OSError:
            continue  # alive but not ours (EPERM): leave it


def glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def replace_atomically(target: Path, write: Callable[[Path], object]) -> None:
    """Call ``write(temp_path)`` to make the new content, then put it in place of ``target``.

    Any exception (``OSError`` for a full disk, an error from ``write``) removes the temporary
    file and propagates; ``target`` is then exactly as it was.
    """
    target = Path(target)
    if target.is_symlink():  # replace the file the link points to, and keep the link
        try:
            target = target.resolve()
        except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError for a loop
            raise OSError(errno.ELOOP, "it is a symbolic link that leads round in a loop") from None
    directory = target.parent if str(target.parent) else Path(".")
    _refuse_read_only(target)
    _remove_stale_temps(target)
    fd, temp_name = tempfile.mkstemp(
        prefix=f"{temp_prefix(target)}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=directory
    )
    os.close(fd)
    temp = Path(temp_name)
    try:
        os.chmod(temp, _new_file_mode(target))
        write(temp)
        _fsync_path(temp)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_directory(directory)


def is_disk_full(error: BaseException) -> bool:
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return True
    text = str(error).lower()
    return "disk is full" in text or "disk full" in text


def _reason(error: BaseException) -> str:
    """Why a write failed, in the words of the sentence the user reads."""
    if is_disk_full(error):
        return "the disk is full"
    if isinstance(error, ReadOnlyFileError):
        return "the file is read-only"
    if isinstance(error, PermissionError) or "readonly" in str(error).lower():
        return "permission denied"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return str(error).rstrip(".") or type(error).__name__


def write_atomically(
    target: str | os.PathLike[str],
    write: Callable[[Path], object],
    error: type[BoothplanError] = BoothplanError,
    *,
    verb: str = "write",
    failures: tuple[type[BaseException], ...] = (),
) -> None:
    """Every writer's door to the disk: check the target, replace it atomically, and turn any
    failure into one sentence of the form "Cannot write X: reason; the previous file is
    unchanged." raised as ``error``. ``failures`` adds exception types of ``write`` itself
    (``sqlite3.Error`` for plan files) to the ``OSError`` that is always translated.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise error(f"Cannot {verb} {target}: it is a folder, not a file.")
    if target.exists() and not target.is_file():  # a device or a pipe: a rename would replace it
        raise error(f"Cannot {verb} {target}: it is not a regular file (a device or a pipe).")
    if not folder.is_dir():
        raise error(f"Cannot {verb} {target}: the folder {folder} does not exist.")
    existed = target.exists()
    caught: tuple[type[BaseException], ...] = (OSError, *failures)
    try:
        replace_atomically(target, write)
    except caught as failure:
        unchanged = "the previous file is unchanged" if existed else "nothing was written"
        raise error(f"Cannot {verb} {target}: {_reason(failure)}; {unchanged}.") from None


__all__ = [
    "TEMP_SUFFIX",
    "ReadOnlyFileError",
    "is_disk_full",
    "replace_atomically",
    "temp_prefix",
    "write_atomically",
]
