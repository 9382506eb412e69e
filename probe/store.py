"""The response store: SQLite (WAL) in the run directory, one row per sample.

Rows are committed as each response arrives, keyed by a hash of the canonical
request, so a killed run resumes without repeating or losing work. The schema
changes only through numbered migrations, so old run folders still open; the
table reads as is in sqlite3, Datasette or pandas.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, fields
from operator import attrgetter
from pathlib import Path

import pandas as pd

DB_NAME = "responses.sqlite"

RESPONSE_COLUMNS = [
    "request_hash", "run_id", "target", "model", "base_url", "condition", "system_prompt", "suite", "question_id",
    "language", "category", "sample", "seed", "temperature", "messages", "text", "reasoning", "finish_reason",
    "prompt_tokens", "completion_tokens", "latency_s", "error", "attempts", "created_at", "expected",
]
CLAIM_COLUMNS = ["claims", "self_name", "self_family", "self_org", "stance", "mismatch", "foreign_vendor",
                 "reasoning_self_name", "reasoning_self_family", "reasoning_self_org"]

MIGRATIONS = [
    # 1: responses + runs
    """
    CREATE TABLE responses (
        request_hash TEXT PRIMARY KEY, run_id TEXT, target TEXT, model TEXT, base_url TEXT, condition TEXT,
        system_prompt TEXT, suite TEXT, question_id TEXT, language TEXT, category TEXT, sample INTEGER,
        seed INTEGER, temperature REAL, messages TEXT, text TEXT, reasoning TEXT, finish_reason TEXT,
        prompt_tokens INTEGER, completion_tokens INTEGER, latency_s REAL, error TEXT, attempts INTEGER,
        created_at TEXT, expected TEXT
    );
    CREATE INDEX responses_target ON responses(target, condition, language);
    CREATE TABLE runs (run_id TEXT PRIMARY KEY, started_at TEXT, finished_at TEXT, status TEXT, summary TEXT);
    """,
    # 2: classifier columns, filled after a run (NULL until classified)
    """
    ALTER TABLE responses ADD COLUMN claims TEXT;
    ALTER TABLE responses ADD COLUMN self_name TEXT;
    ALTER TABLE responses ADD COLUMN self_family TEXT;
    ALTER TABLE responses ADD COLUMN self_org TEXT;
    ALTER TABLE responses ADD COLUMN stance TEXT;
    ALTER TABLE responses ADD COLUMN mismatch INTEGER;
    ALTER TABLE responses ADD COLUMN foreign_vendor INTEGER;
    ALTER TABLE responses ADD COLUMN reasoning_self_name TEXT;
    ALTER TABLE responses ADD COLUMN reasoning_self_family TEXT;
    ALTER TABLE responses ADD COLUMN reasoning_self_org TEXT;
    """,
]


@dataclass
class ResponseRow:
    request_hash: str
    run_id: str
    target: str
    model: str
    base_url: str
    condition: str
    system_prompt: str | None
    suite: str
    question_id: str
    language: str
    category: str
    sample: int
    seed: int
    temperature: float
    messages: str
    text: str | None
    reasoning: str | None
    finish_reason: str | None
    prompt_tokens: int | None
    completion_tokens: int | None
    latency_s: float | None
    error: str | None
    attempts: int
    created_at: str
    expected: str


assert [f.name for f in fields(ResponseRow)] == RESPONSE_COLUMNS
_ROW_VALUES = attrgetter(*RESPONSE_COLUMNS)  # cheaper than dataclasses.astuple's deep copy


class ResponseStore:
    """One SQLite file per run directory; safe to reopen after a crash at any point."""

    def __init__(self, run_dir: str | Path) -> None:
        self.run_dir = Path(run_dir)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.path = self.run_dir / DB_NAME
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL survives a killed process
        self.conn.execute("PRAGMA busy_timeout=10000")
        self._migrate()
        placeholders = ",".join("?" * len(RESPONSE_COLUMNS))
        self._insert = f"INSERT OR REPLACE INTO responses ({','.join(RESPONSE_COLUMNS)}) VALUES ({placeholders})"

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            self.conn.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")

    def done_hashes(self) -> set[str]:
        """Samples already answered successfully (failed ones are tried again)."""
        return {h for (h,) in self.conn.execute("SELECT request_hash FROM responses WHERE error IS NULL")}

    def put(self, rows: Iterable[ResponseRow]) -> None:
        """Write rows in one transaction; durable when this returns."""
        values = [_ROW_VALUES(r) for r in rows]
        self.conn.execute("BEGIN")
        try:
            self.conn.executemany(self._insert, values)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def clear(self) -> None:
        self.conn.execute("DELETE FROM responses")
        self.conn.execute("DELETE FROM runs")

    def start_run(self, run_id: str, started_at: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO runs (run_id, started_at, status) VALUES (?, ?, 'running')", (run_id, started_at))

    def finish_run(self, run_id: str, finished_at: str, status: str, summary: dict) -> None:
        self.conn.execute("UPDATE runs SET finished_at=?, status=?, summary=? WHERE run_id=?",
                          (finished_at, status, json.dumps(summary), run_id))

    def update_claims(self, frame: pd.DataFrame) -> None:
        """Write classifier columns back by request_hash."""
        cols = [c for c in CLAIM_COLUMNS if c in frame.columns]
        if not cols:
            return
        sql = f"UPDATE responses SET {', '.join(f'{c}=?' for c in cols)} WHERE request_hash=?"
        values = []
        for record in frame[cols + ["request_hash"]].itertuples(index=False, name=None):
            values.append(tuple(None if _is_null(v) else (int(v) if isinstance(v, bool) else v) for v in record))
        self.conn.execute("BEGIN")
        self.conn.executemany(sql, values)
        self.conn.execute("COMMIT")

    def frame(self) -> pd.DataFrame:
        df = pd.read_sql_query("SELECT * FROM responses ORDER BY target, condition, language, question_id, sample", self.conn)
        for col in ("mismatch", "foreign_vendor"):
            if col in df.columns:
                df[col] = df[col].map(lambda v: None if v is None or pd.isna(v) else bool(v)).astype(object)
        return df

    def close(self) -> None:
        self.conn.close()


def _is_null(value: object) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def load_responses(run_dir: str | Path) -> pd.DataFrame:
    """``probe.load``: the run's responses, one row per (target, condition, language, question, sample)."""
    path = Path(run_dir) / DB_NAME
    if not path.is_file():
        from probe.errors import ProbeInputError

        raise ProbeInputError(str(run_dir), f"no {DB_NAME} here: not a run directory")
    store = ResponseStore(run_dir)
    try:
        return store.frame()
    finally:
        store.close()
