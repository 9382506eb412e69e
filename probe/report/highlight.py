"""Model output made safe to show: escaped first, then the claim spans wrapped in marks.

Only this module turns untrusted text into ``Markup``. It escapes every slice of the
answer itself and adds nothing but its own fixed ``<mark>`` tags, so an answer that
contains HTML or ``<script>`` shows as text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

MAX_CHARS = 700
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # emphasis, code, links/images, table cells
_MD_LINE_START = re.compile(r"^(\s*)(?:([#+\-=])|(\d+)\.)")  # headings and list markers only act at a line start


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    stance: str


def claim_spans(claims_json: object, text: str, self_name: object = None) -> list[Span]:
    """Non-overlapping spans of the answer's claims, from the classifier's ``claims`` JSON.

    Falls back to the first occurrence of ``self_name`` when the claims carry no spans.
    """
    try:
        claims = json.loads(claims_json) if isinstance(claims_json, str) else (claims_json or [])
    except ValueError:
        claims = []
    spans: list[Span] = []
    for claim in claims if isinstance(claims, list) else []:
        if not isinstance(claim, dict) or claim.get("source", "answer") != "answer":
            continue
        start, end = claim.get("start"), claim.get("end")
        if start is None and isinstance(claim.get("span"), (list, tuple)) and len(claim["span"]) == 2:
            start, end = claim["span"]
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            spans.append(Span(start, end, str(claim.get("stance", "other"))))
    if not spans and isinstance(self_name, str) and self_name.strip():
        at = text.lower().find(self_name.lower())
        if at >= 0:
            spans.append(Span(at, at + len(self_name), "self"))
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Span] = []
    for span in spans:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _clip(text: str, spans: list[Span], limit: int) -> tuple[str, list[Span], bool]:
    if len(text) <= limit:
        return text, spans, False
    return text[:limit], [s for s in spans if s.end <= limit], True


def highlight_html(text: object, spans: list[Span], limit: int = MAX_CHARS) -> Markup:
    """Escaped answer text with ``<mark class="claim-…">`` around each span."""
    raw = "" if text is None else str(text)
    raw, spans, clipped = _clip(raw, spans, limit)
    out, pos = [], 0
    for span in spans:
        out.append(escape(raw[pos:span.start]))
        css = "claim-self" if span.stance == "self" else "claim-other"
        out.append(Markup('<mark class="{}">').format(css))
        out.append(escape(raw[span.start:span.end]))
        out.append(Markup("</mark>"))
        pos = span.end
    out.append(escape(raw[pos:]))
    if clipped:
        out.append(Markup('<span class="clipped"> […]</span>'))
    return Markup("").join(out)


def _escape_line_start(m: re.Match) -> str:
    # "1." opens an ordered list only with its dot, so the dot is what gets the backslash
    return m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\.")


def escape_markdown(text: object) -> str:
    """Text that Markdown renders literally: HTML escaped, Markdown punctuation backslashed, one line."""
    raw = re.sub(r"\s+", " ", "" if text is None else str(text))
    raw = raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_LINE_START.sub(_escape_line_start, _MD_SPECIAL.sub(r"\\\1", raw))


def highlight_markdown(text: object, spans: list[Span], limit: int = MAX_CHARS) -> str:
    """The answer on one line with each self-claim in bold; everything from the model escaped."""
    raw = "" if text is None else str(text)
    raw, spans, clipped = _clip(raw, spans, limit)
    out, pos = [], 0
    for span in spans:
        out.append(escape_markdown(raw[pos:span.start]))
        inner = escape_markdown(raw[span.start:span.end])
        out.append(f"**{inner}**" if span.stance == "self" else f"_{inner}_")
        pos = span.end
    out.append(escape_markdown(raw[pos:]))
    return "".join(out) + (" […]" if clipped else "")
