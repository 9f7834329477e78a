"""The ``boothplan`` command line.

Each sub-command lives in its own module under ``planner.cli`` and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a function that takes the
parsed arguments and returns an exit code. ``boothplan`` alone, or ``boothplan PLAN``, opens the
desktop app; the Qt code is imported only then, so every other command runs without a screen.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import sys
import warnings
from collections.abc import Sequence
from typing import NoReturn

from planner import __version__
from planner.cli.common import CLOSING_NOTES, name_the_plan
from planner.errors import BoothplanError

# Modules that define sub-commands, in the order `boothplan --help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "planner.cli.plan_commands",
    "planner.cli.exhibitor_commands",
    "planner.cli.report_commands",
    "planner.cli.pdf_command",
    "planner.cli.pack_commands",
)

EXIT_OK = 0
EXIT_FOUND_PROBLEMS = 1  # e.g. `check` found broken rules
EXIT_USER_ERROR = 2  # bad input: one sentence on stderr, no traceback


class _OneLineParser(argparse.ArgumentParser):
    """A slip on the command line is one line, like every other user error: argparse would
    print the whole usage first. Sub-command parsers are made of the same class."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: {message}; see {self.prog} --help.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog="boothplan",
        description="Plan trade-fair floors: halls, booths, exhibitors and printed maps. "
        "Run without a command (or with a plan file) to open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"boothplan {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    """The names of the sub-commands ``parser`` takes."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def _refuse_unknown_command(argv: Sequence[str], commands: Sequence[str]) -> None:
    """``boothplan chek fair.boothplan`` or ``boothplan fair.bothplan`` is a typo, not a wish to
    open the app: say so before Qt starts (without a screen Qt would abort the process)."""
    first = argv[0]
    if len(argv) == 1 and os.path.exists(first):
        return
    guess = difflib.get_close_matches(first, commands, n=1)
    hint = f"; did you mean {guess[0]}?" if guess else f" (commands: {', '.join(commands)})."
    if len(argv) == 1:
        raise BoothplanError(f"{first} is neither a command nor an existing plan file{hint}")
    raise BoothplanError(f"{first} is not a command{hint}")


def _open_app(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="boothplan", description="Open the desktop app.")
    parser.add_argument("plan", nargs="?", help="a .boothplan file to open")
    args = parser.parse_args(list(argv))
    from planner.ui.app import run_app  # Qt only when the app is really wanted

    return run_app(args.plan)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not sys.warnoptions:
        # A user reads one sentence per problem: numpy's and shapely's RuntimeWarnings on odd
        # geometry ("invalid value encountered") printed lines of code before it. A developer
        # who asks for warnings (python -W, PYTHONWARNINGS) still gets them.
        warnings.simplefilter("ignore", RuntimeWarning)
    parser = build_parser()
    subcommands = _commands(parser)
    if not argv or (argv[0] not in subcommands and not argv[0].startswith("-")):
        try:
            if argv:
                _refuse_unknown_command(argv, subcommands)
            return _open_app(argv)
        except BoothplanError as error:
            print(f"boothplan: {error}", file=sys.stderr)
            return EXIT_USER_ERROR
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USER_ERROR
    try:
        code = int(args.func(args) or EXIT_OK)
        sys.stdout.flush()
        for note in CLOSING_NOTES:
            print(note, file=sys.stderr)
        CLOSING_NOTES.clear()
        return code
    except BoothplanError as error:
        # A model operation's error gets the plan file it worked on, once, for every command.
        print(f"boothplan: {name_the_plan(error, getattr(args, 'plan', None))}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("boothplan: interrupted; no file was changed.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `boothplan info --json | head`: the reader left; say nothing more. Point stdout at
        # devnull so Python's final flush does not raise again (the recipe in the signal docs).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
