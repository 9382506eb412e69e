"""``probe suites`` lists the shipped suites; ``probe suites show ID`` prints one."""

from __future__ import annotations

import argparse
from collections import Counter

from probe.suite import list_suites, load_suite


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("suites", help="list prompt suites, or show one")
    p.add_argument("action", nargs="?", choices=["list", "show"], default="list")
    p.add_argument("suite", nargs="?", help="suite id or path (for show)")
    p.add_argument("--language", help="with show: print only this language")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.action == "show":
        if not args.suite:
            from probe.errors import ProbeInputError

            raise ProbeInputError("probe suites show", "name a suite id or path")
        suite = load_suite(args.suite)
        print(f"{suite.id} v{suite.version} — {suite.path}")
        print(suite.description)
        print("conditions:")
        for cond in suite.conditions:
            print(f"  {cond.id:<10} {cond.system if cond.system is not None else '(no system message)'}")
        langs = [args.language] if args.language else list(suite.languages)
        for q in suite.questions:
            for lang in langs:
                if lang in q.text:
                    print(f"  {q.id:<16} {q.category:<11} {lang}  {q.text[lang]}")
        return 0
    for suite in list_suites():
        counts = " ".join(f"{lang}={n}" for lang, n in suite.counts_by_language().items())
        cats = Counter(q.category for q in suite.questions)
        print(f"{suite.id:<16} v{suite.version:<8} {len(suite.questions)} questions · {counts}")
        print(f"{'':<16} conditions: {', '.join(c.id for c in suite.conditions)} · categories: "
              + ", ".join(f"{c}={n}" for c, n in sorted(cats.items())))
    return 0
