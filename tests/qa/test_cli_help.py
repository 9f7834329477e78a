"""Every command's --help says what it does and what each argument is."""

from __future__ import annotations

import argparse

from planner.cli import build_parser


def _gaps(parser: argparse.ArgumentParser, path: str) -> list[str]:
    gaps = [] if (parser.description or "").strip() else [f"{path}: no description"]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                gaps += _gaps(sub, f"{path} {name}")
        elif not isinstance(action, argparse._HelpAction | argparse._VersionAction) and not (
            action.help
        ):
            gaps.append(f"{path}: {'/'.join(action.option_strings) or action.dest} has no help")
    return gaps


def test_every_command_and_argument_is_explained():
    assert _gaps(build_parser(), "boothplan") == []
