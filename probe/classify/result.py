"""Records the classifier returns: one ``Claim`` per mention, one ``ClaimResult`` per answer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(slots=True)  # not frozen: a frozen init costs 5x more, and one is made per mention
class Claim:
    name: str
    family: str | None
    org: str | None
    stance: str  # self | denial | other | roleplay
    source: str  # answer | reasoning
    start: int
    end: int
    nickname: bool = field(default=False, compare=False)  # an invented name offered to the user, not an identity
    basis: bool = field(default=False, compare=False)  # only the basis it is built on: its origin when it names no other

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("name", "family", "org", "stance", "source", "start", "end")}


@dataclass(slots=True)
class ClaimResult:
    claims: list[Claim] = field(default_factory=list)
    self_name: str | None = None
    self_family: str | None = None
    self_org: str | None = None
    stance: str = "none"  # answer level: self | denial | other | roleplay | none
    mismatch: bool | None = None
    foreign_vendor: bool = False
    reasoning_self_name: str | None = None
    reasoning_self_family: str | None = None
    reasoning_self_org: str | None = None

    def to_dict(self) -> dict:
        out = asdict(self)
        out["claims"] = [c.to_dict() for c in self.claims]
        return out
