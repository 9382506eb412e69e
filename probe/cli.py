"""The ``probe`` command: a thin layer over the library. Only this layer prints."""

from __future__ import annotations

import argparse
import importlib
import signal
import sys

from probe.errors import ProbeInputError, TargetFatalError

# Each module has ``add_parser(subparsers)`` which registers itself and sets ``func``.
COMMAND_MODULES = [
    "probe.commands.run",
    "probe.commands.suites",
    "probe.commands.classify",
    "probe.commands.score",
    "probe.commands.report",
    "probe.commands.weights",
    "probe.commands.serve",
    "probe.commands.demo",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="probe", description="Behavioural identity probing of models behind endpoints.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # command not built yet
                continue
            raise
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):  # `probe suites show x | head` ends quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except (ProbeInputError, TargetFatalError) as exc:
        print(f"probe: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("probe: interrupted; everything already received is stored", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
