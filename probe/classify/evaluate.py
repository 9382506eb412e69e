"""Measure the classifier against the judged identity-rollouts corpus (see probe.corpus).

The judge's clear errors are set right from a corrections table (file, line -> corrected value)
before comparing; the identity battery (language sections) and the ``cross`` section are reported
apart because the judge marks them by different rules. The same table lists marks that cannot be
checked ("kind: truncated": the corpus stores the first 400 characters of an answer and the evidence
for the mark is not among them); the battery is reported with them (the judge's mark taken as given)
and without them (``verifiable``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from probe.classify.classifier import classify_answer
from probe.classify.lexicon import Lexicon, load_lexicon
from probe.corpus import CorpusAnswer
from probe.yamlio import load_yaml

Corrections = Mapping[tuple[str, int], bool]


@dataclass
class Agreement:
    """Confusion counts of predicted vs reference mismatch."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, reference: bool) -> None:
        if predicted and reference:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif reference:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def agreement(self) -> float:
        return (self.tp + self.tn) / self.n if self.n else float("nan")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float("nan")

    @property
    def predicted_rate(self) -> float:
        return (self.tp + self.fp) / self.n if self.n else float("nan")

    @property
    def reference_rate(self) -> float:
        return (self.tp + self.fn) / self.n if self.n else float("nan")


@dataclass(frozen=True)
class Disagreement:
    file: str
    line: int
    language: str
    predicted: bool
    reference: bool
    judge_claim: str | None
    self_name: str | None
    text: str
    unverifiable: bool = False  # the mark rests on text the corpus does not store


@dataclass
class CorpusReport:
    battery: Agreement = field(default_factory=Agreement)  # every battery answer
    verifiable: Agreement = field(default_factory=Agreement)  # ... but those whose mark rests on text not stored
    cross: Agreement = field(default_factory=Agreement)
    per_file: dict[str, Agreement] = field(default_factory=dict)
    per_file_verifiable: dict[str, Agreement] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)
    corrected: int = 0  # answers whose judge mark was set right before comparing
    unverifiable: int = 0  # battery answers left out of ``verifiable``

    def worst_rate_delta(self, verifiable: bool = False) -> float:
        files = self.per_file_verifiable if verifiable else self.per_file
        return max((abs(a.predicted_rate - a.reference_rate) for a in files.values()), default=0.0)


def evaluate_corpus(answers: Iterable[CorpusAnswer], corrections: Corrections | None = None,
                    lexicon: Lexicon | None = None, unverifiable: Collection[tuple[str, int]] = ()) -> CorpusReport:
    lex = lexicon or load_lexicon()
    corrections = corrections or {}
    report = CorpusReport()
    for a in answers:
        reference = corrections.get((a.file, a.line), a.judge_mismatch)
        report.corrected += reference != a.judge_mismatch
        result = classify_answer(a.text, expected=a.expected, lexicon=lex)
        predicted = bool(result.mismatch)
        if a.section == "cross":
            report.cross.add(predicted, reference)
            continue
        report.battery.add(predicted, reference)
        report.per_file.setdefault(a.file, Agreement()).add(predicted, reference)
        checkable = (a.file, a.line) not in unverifiable
        if checkable:
            report.verifiable.add(predicted, reference)
            report.per_file_verifiable.setdefault(a.file, Agreement()).add(predicted, reference)
        else:
            report.unverifiable += 1
        if predicted != reference:
            report.disagreements.append(Disagreement(a.file, a.line, a.language, predicted, reference, a.judge_claim,
                                                     result.self_name, a.text, not checkable))
    return report


def load_corrections(path: str | Path) -> dict[tuple[str, int], bool]:
    """``judge_corrections.yaml``: the judge's clear errors, (file, line) -> the mark set right."""
    return {key: mismatch for key, kind, mismatch in _entries(path) if kind == "correction"}


def load_unverifiable(path: str | Path) -> frozenset[tuple[str, int]]:
    """The same file's marks that cannot be checked on the stored text (``kind: truncated``)."""
    return frozenset(key for key, kind, _ in _entries(path) if kind == "truncated")


def _entries(path: str | Path) -> list[tuple[tuple[str, int], str, bool | None]]:
    """Entries {file, line, mismatch, reason} (a correction) or {file, line, kind: truncated, reason}."""
    doc = load_yaml(path)
    rows = (doc.data or {}).get("corrections", []) if isinstance(doc.data, dict) else doc.data or []
    out: list[tuple[tuple[str, int], str, bool | None]] = []
    for i, row in enumerate(rows):
        where = ("corrections", i) if isinstance(doc.data, dict) else (i,)
        if not isinstance(row, dict) or not {"file", "line", "reason"} <= set(row) or not str(row["reason"]).strip():
            raise doc.error(where, "each entry needs file, line and a non-empty reason")
        kind = row.get("kind", "correction")
        if kind not in ("correction", "truncated"):
            raise doc.error(where + ("kind",), "kind is 'correction' (the default) or 'truncated'")
        if kind == "correction" and not isinstance(row.get("mismatch"), bool):
            raise doc.error(where, "a correction needs mismatch: true or false")
        out.append(((str(row["file"]), int(row["line"])), kind, row.get("mismatch")))
    return out
