"""Reading a file the user named: one set of sentences for the ways that can fail."""

from __future__ import annotations

import os
from pathlib import Path

from planner.errors import BoothplanError


def read_input(path: str | os.PathLike[str], error: type[BoothplanError], kind: str) -> bytes:
    """The bytes of ``path``; a missing file, a folder or an unreadable file raises ``error``
    with one sentence naming the file (``kind`` says what it should have been: "CSV file").
    """
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise error(f"{path} is a folder, not a {kind}.") from None
    except PermissionError:
        raise error(f"{path} cannot be read: permission denied.") from None
    except OSError as failure:
        raise error(f"{path} cannot be read: {failure.strerror or failure}.") from None


__all__ = ["read_input"]
