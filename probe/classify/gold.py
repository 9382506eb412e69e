"""Measure the classifier on the project's gold set (tests/data/gold/*.jsonl).

Gold rows: {id, language, text, reasoning?, expected, self_name, self_family, self_org, mismatch,
mentions: [{name, stance}], tags}. Reported: precision/recall of ``self_family`` per family, a
stance confusion matrix over aligned mentions, and agreement on ``mismatch``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from probe.classify.classifier import classify_answer
from probe.classify.evaluate import Agreement
from probe.classify.expected import squash
from probe.classify.lexicon import Lexicon, load_lexicon
from probe.classify.result import Claim, ClaimResult
from probe.errors import ProbeInputError

MISSED, SPURIOUS = "(missed)", "(spurious)"


@dataclass(frozen=True)
class GoldRow:
    id: str
    language: str
    text: str
    reasoning: str | None
    expected: list[str] | None
    self_name: str | None
    self_family: str | None
    self_org: str | None
    mismatch: bool | None
    mentions: tuple[tuple[str, str], ...]
    tags: tuple[str, ...]
    where: str  # file:line


@dataclass
class GoldReport:
    n: int = 0
    families: dict[str, Agreement] = field(default_factory=dict)  # per family: self_family confusion counts
    stances: Counter = field(default_factory=Counter)  # (gold stance, predicted stance) -> count
    mismatch: Agreement = field(default_factory=Agreement)
    mismatch_unknown_ok: int = 0  # gold null (no expected) and predicted null
    mismatch_unknown: int = 0
    self_name_ok: int = 0
    self_org_ok: int = 0
    by_language: dict[str, Agreement] = field(default_factory=dict)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # id, what, gold, predicted

    @property
    def stance_accuracy(self) -> float:
        aligned = {k: v for k, v in self.stances.items() if MISSED not in k and SPURIOUS not in k}
        total = sum(aligned.values())
        return sum(v for (g, p), v in aligned.items() if g == p) / total if total else float("nan")


def read_gold(paths: Iterable[str | Path]) -> list[GoldRow]:
    """Rows from JSONL files or directories of them; a bad line raises ``ProbeInputError`` naming file:line."""
    rows: list[GoldRow] = []
    for path in _files(paths):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                rows.append(_row(line, f"{path}:{lineno}"))
    return rows


def _files(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(p.glob("*.jsonl")))
        elif p.is_file():
            out.append(p)
        else:
            raise ProbeInputError(str(p), "no such file or directory")
    return out


def _row(line: str, where: str) -> GoldRow:
    try:
        d = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ProbeInputError(where, f"not valid JSON: {exc.msg}") from None
    if not isinstance(d, dict) or not isinstance(d.get("text"), str):
        raise ProbeInputError(f"{where}: text", "each gold row needs a string 'text'")
    mentions = tuple((str(m.get("name", "")), str(m.get("stance", ""))) for m in d.get("mentions") or [] if isinstance(m, dict))
    expected = d.get("expected")
    return GoldRow(str(d.get("id", where)), str(d.get("language", "")), d["text"], d.get("reasoning"),
                   list(expected) if expected else None, d.get("self_name"), d.get("self_family"), d.get("self_org"),
                   d.get("mismatch"), mentions, tuple(d.get("tags") or ()), where)


def evaluate_gold(rows: Iterable[GoldRow], lexicon: Lexicon | None = None) -> GoldReport:
    lex = lexicon or load_lexicon()
    report = GoldReport()
    for row in rows:
        result = classify_answer(row.text, row.reasoning, row.expected, lex)
        report.n += 1
        _score_family(report, row, result)
        _score_stances(report, row, result.claims)
        _score_mismatch(report, row, result)
        report.self_name_ok += _same_name(row.self_name, result.self_name)
        report.self_org_ok += (row.self_org or None) == (result.self_org or None)
    return report


def _score_family(report: GoldReport, row: GoldRow, result: ClaimResult) -> None:
    gold, pred = row.self_family or None, result.self_family or None
    if gold == pred:
        if gold:
            report.families.setdefault(gold, Agreement()).tp += 1
        return
    if gold:
        report.families.setdefault(gold, Agreement()).fn += 1
    if pred:
        report.families.setdefault(pred, Agreement()).fp += 1
    report.errors.append((row.id, "self_family", str(gold), str(pred)))


def _score_stances(report: GoldReport, row: GoldRow, claims: list[Claim]) -> None:
    pool = [c for c in claims if c.source == "answer"]
    for name, stance in row.mentions:
        hit = next((c for c in pool if _same_name(name, c.name)), None)
        if hit is None:
            report.stances[(stance, MISSED)] += 1
            report.errors.append((row.id, "mention", f"{name}:{stance}", MISSED))
            continue
        pool.remove(hit)
        report.stances[(stance, hit.stance)] += 1
        if hit.stance != stance:
            report.errors.append((row.id, "stance", f"{name}:{stance}", hit.stance))
    for c in pool:
        report.stances[(SPURIOUS, c.stance)] += 1


def _score_mismatch(report: GoldReport, row: GoldRow, result: ClaimResult) -> None:
    if row.mismatch is None:
        report.mismatch_unknown += 1
        report.mismatch_unknown_ok += result.mismatch is None
        return
    predicted = bool(result.mismatch)
    report.mismatch.add(predicted, bool(row.mismatch))
    report.by_language.setdefault(row.language, Agreement()).add(predicted, bool(row.mismatch))
    if predicted != bool(row.mismatch):
        report.errors.append((row.id, "mismatch", str(row.mismatch), str(result.mismatch)))


def _same_name(gold: str | None, predicted: str | None) -> bool:
    if not gold or not predicted:
        return not gold and not predicted
    a, b = squash(gold), squash(predicted)
    return bool(a and b) and (a == b or a in b or b in a)
