"""``probe classify`` (label answers in a JSONL file) and ``probe eval-classifier`` (measure the labels)."""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from probe.errors import ProbeInputError


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("classify", help="label who each answer claims to be (JSONL in, JSONL out)")
    p.add_argument("input", help="JSONL rows {id, text, reasoning?, expected?: [names]}")
    p.add_argument("-o", "--output", required=True, help="JSONL out: each input row plus the claim fields")
    p.add_argument("--lexicon", help="YAML file adding to or overriding the shipped identity lexicon")
    p.set_defaults(func=run)

    e = subparsers.add_parser("eval-classifier", help="measure the classifier on gold JSONL and/or the judged corpus")
    e.add_argument("gold", nargs="*", help="gold JSONL files or directories of them")
    e.add_argument("--lexicon", help="YAML file adding to or overriding the shipped identity lexicon")
    e.add_argument("--corpus", nargs="?", const="", default=None, metavar="DIR",
                   help="also measure on the identity-rollouts corpus (default: ../shared/corpora/identity-rollouts)")
    e.add_argument("--corrections", help="YAML list of the judge's clear errors to set right (file, line, mismatch, reason)")
    e.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N disagreements")
    e.set_defaults(func=run_eval)


def run(args: argparse.Namespace) -> int:
    from probe.classify import classify_answer, load_lexicon

    lexicon = load_lexicon(args.lexicon)
    rows = _read_jsonl(Path(args.input))
    out_path = Path(args.output)
    mismatches = claimed = 0
    with out_path.open("w", encoding="utf-8") as out:
        for where, row in rows:
            text = row.get("text")
            if text is not None and not isinstance(text, str):
                raise ProbeInputError(f"{where}: text", "must be a string")
            expected = row.get("expected")
            if expected is not None and not (isinstance(expected, list) and all(isinstance(x, str) for x in expected)):
                raise ProbeInputError(f"{where}: expected", "must be a list of names")
            reasoning = row.get("reasoning")
            result = classify_answer(text or "", reasoning if isinstance(reasoning, str) else None, expected or None, lexicon)
            fields = result.to_dict()
            if not (text or "").strip():
                fields = {k: ([] if k == "claims" else None) for k in fields}
            out.write(json.dumps({**row, **fields}, ensure_ascii=False) + "\n")
            claimed += fields["stance"] == "self"
            mismatches += bool(fields["mismatch"])
    print(f"classified {len(rows)} answers -> {out_path} ({claimed} self-claims, {mismatches} mismatches)")
    return 0


def _read_jsonl(path: Path) -> list[tuple[str, dict]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ProbeInputError(str(path), "file not found") from None
    rows = []
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ProbeInputError(where, f"not valid JSON: {exc.msg}") from None
        if not isinstance(row, dict):
            raise ProbeInputError(where, "each line must be a JSON object")
        rows.append((where, row))
    return rows


def run_eval(args: argparse.Namespace) -> int:
    from probe.classify import load_lexicon
    from probe.classify.gold import evaluate_gold, read_gold

    if not args.gold and args.corpus is None:
        raise ProbeInputError("eval-classifier", "give gold JSONL files/directories, --corpus, or both")
    lexicon = load_lexicon(args.lexicon)
    if args.gold:
        report = evaluate_gold(read_gold(args.gold), lexicon)
        _print_gold(report, args.errors)
    if args.corpus is not None:
        _print_corpus(args, lexicon)
    return 0


def _pct(x: float) -> str:
    return "  n/a" if math.isnan(x) else f"{100 * x:5.1f}"


def _print_gold(report, n_errors: int) -> None:  # noqa: ANN001 - GoldReport
    from probe.classify.gold import MISSED, SPURIOUS

    print(f"gold set: {report.n} answers")
    print("\nself_family per family        precision  recall   tp  fp  fn")
    for fid, c in sorted(report.families.items()):
        print(f"  {fid:26s} {_pct(c.precision):>9s} {_pct(c.recall):>7s} {c.tp:4d} {c.fp:3d} {c.fn:3d}")
    tp = sum(c.tp for c in report.families.values())
    fp = sum(c.fp for c in report.families.values())
    fn = sum(c.fn for c in report.families.values())
    print(f"  {'(all families, micro)':26s} {_pct(tp / (tp + fp) if tp + fp else math.nan):>9s}"
          f" {_pct(tp / (tp + fn) if tp + fn else math.nan):>7s} {tp:4d} {fp:3d} {fn:3d}")
    labels = ["self", "denial", "other", "roleplay"]
    cols = labels + [MISSED]
    print("\nstance confusion (rows: gold, columns: predicted)")
    print("  " + " " * 11 + "".join(f"{c:>11s}" for c in cols))
    for g in labels + [SPURIOUS]:
        cells = [report.stances.get((g, p), 0) for p in cols]
        if any(cells):
            print(f"  {g:11s}" + "".join(f"{v:11d}" for v in cells))
    print(f"  stance accuracy on aligned mentions: {_pct(report.stance_accuracy)}%")
    m = report.mismatch
    print(f"\nmismatch agreement: {_pct(m.agreement)}% of {m.n} (precision {_pct(m.precision)}%, recall {_pct(m.recall)}%,"
          f" tp {m.tp} fp {m.fp} fn {m.fn} tn {m.tn}); no-expected rows left null: {report.mismatch_unknown_ok}/{report.mismatch_unknown}")
    for lang, a in sorted(report.by_language.items()):
        print(f"  {lang:4s} {_pct(a.agreement)}% of {a.n}")
    print(f"self_name agreement: {_pct(report.self_name_ok / report.n if report.n else math.nan)}%  "
          f"self_org agreement: {_pct(report.self_org_ok / report.n if report.n else math.nan)}%")
    for row_id, what, gold, predicted in report.errors[:n_errors]:
        print(f"  {row_id}: {what}: gold {gold} / predicted {predicted}")


def _print_corpus(args: argparse.Namespace, lexicon) -> None:  # noqa: ANN001 - Lexicon
    from probe.classify.evaluate import evaluate_corpus, load_corrections, load_unverifiable
    from probe.corpus import read_corpus

    answers = read_corpus(args.corpus or None)
    if not answers:
        raise ProbeInputError(args.corpus or "../shared/corpora/identity-rollouts", "corpus not found or empty")
    corrections = load_corrections(args.corrections) if args.corrections else {}
    unverifiable = load_unverifiable(args.corrections) if args.corrections else frozenset()
    report = evaluate_corpus(answers, corrections, lexicon, unverifiable)
    print(f"\ncorpus identity battery: {report.battery.n} answers, {report.corrected} judge marks set right,"
          f" {report.unverifiable} unverifiable (the evidence for the mark is past the stored text)")
    for label, a in (("all answers (unverifiable marks taken as given)", report.battery),
                     (f"verifiable answers (without the {report.unverifiable} unverifiable)", report.verifiable)):
        print(f"  {label}:\n    agreement {_pct(a.agreement)}%  precision {_pct(a.precision)}%  recall {_pct(a.recall)}%"
              f"  (tp {a.tp} fp {a.fp} fn {a.fn} tn {a.tn})")
    print("  per model: judge rate / classifier rate / delta (points), all answers | verifiable answers")
    for name, a in sorted(report.per_file.items()):
        v = report.per_file_verifiable.get(name, a)
        print(f"    {name:44s} {_pct(a.reference_rate)} {_pct(a.predicted_rate)} {_delta(a):+5.1f} |"
              f" {_pct(v.reference_rate)} {_pct(v.predicted_rate)} {_delta(v):+5.1f}")
    c = report.cross
    print(f"  cross section (reported apart): agreement {_pct(c.agreement)}% of {c.n},"
          f" precision {_pct(c.precision)}%, recall {_pct(c.recall)}%")
    for d in report.disagreements[:args.errors]:
        kind = "FP" if d.predicted else "FN"
        note = " (unverifiable)" if d.unverifiable else ""
        print(f"  {kind}{note} {d.file}:{d.line} [{d.language}] judge={d.judge_claim} ours={d.self_name} | {d.text[:120]}")


def _delta(a) -> float:  # noqa: ANN001 - Agreement
    return 100 * (a.predicted_rate - a.reference_rate)
