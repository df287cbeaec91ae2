"""Who reports what: per outlet, and per leaning where the user gave leanings, the claims it backs
and how many of them no other outlet (no other side) reports. Read from the finished brief.

"No other outlet reports" is what the brief says of a claim by filing it under "one outlet only": a
Summary claim citing one outlet is one the looser test finds elsewhere in words too different to name,
and the table never contradicts the section a claim stands in."""

from __future__ import annotations

from dataclasses import dataclass

from .types import Brief, Claim


@dataclass(frozen=True)
class OutletCoverage:
    source: int
    outlet: str
    leaning: str | None
    backs: int  # claims that cite it
    alone: int  # of those, claims filed under "one outlet only": no other outlet cites or reports them
    reports: int = 0  # claims it is named as reporting too, in words too different to cite


@dataclass(frozen=True)
class SideCoverage:
    leaning: str
    outlets: int
    backs: int  # claims that cite an outlet of this leaning
    alone: int  # of those, claims no outlet of another leaning cites or reports


def reporting(claim: Claim) -> set[int]:
    """Every source that states or reports the claim: cited, shown as reporting it too, or reporting it differently."""
    return set(claim.sources) | set(claim.reported_by) | set(claim.contrasts_with)


def _filed_alone(claim: Claim) -> bool:
    """Filed under "Where sources differ": a Summary claim is one other outlets report, named or not."""
    return claim.section != "summary"


def outlet_coverage(brief: Brief) -> list[OutletCoverage]:
    rows = []
    for source in brief.sources:
        backed = [claim for claim in brief.claims if source.id in claim.sources]
        alone = sum(1 for claim in backed if reporting(claim) == {source.id} and _filed_alone(claim))
        reports = sum(1 for claim in brief.claims if source.id in claim.reported_by)
        rows.append(OutletCoverage(source.id, source.label, source.leaning, len(backed), alone, reports))
    return rows


def side_coverage(brief: Brief) -> list[SideCoverage]:
    """Empty unless the user gave a leaning for every source (a partial picture would mislead)."""
    if not brief.sources or any(not source.leaning for source in brief.sources):
        return []
    leaning_of = {source.id: source.leaning for source in brief.sources}
    rows = []
    for leaning in dict.fromkeys(source.leaning for source in brief.sources):
        backed = [claim for claim in brief.claims if any(leaning_of[s] == leaning for s in claim.sources)]
        alone = sum(1 for claim in backed if {leaning_of[s] for s in reporting(claim)} == {leaning} and _filed_alone(claim))
        outlets = sum(1 for source in brief.sources if source.leaning == leaning)
        rows.append(SideCoverage(leaning, outlets, len(backed), alone))
    return rows


def sides(claim: Claim, brief: Brief) -> list[str]:
    """The leanings that report a claim, in the sources' order (empty without leanings)."""
    leaning_of = {source.id: source.leaning for source in brief.sources}
    return [leaning for leaning in dict.fromkeys(leaning_of[s] for s in sorted(reporting(claim))) if leaning]
