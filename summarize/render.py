"""Briefs as Markdown or JSON, and writing them without ever clobbering what a user owns."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from .errors import InputError
from .fetch import is_url
from .coverage import outlet_coverage, reporting, side_coverage, sides
from .types import Brief, Claim


def to_dict(brief: Brief) -> dict:
    """The JSON shape (later versions add fields, never rename)."""
    sides_known = side_coverage(brief)
    return {
        "coverage": {
            "outlets": [{"source": r.source, "outlet": r.outlet, "backs": r.backs, "alone": r.alone, "reports_too": r.reports}
                        for r in outlet_coverage(brief)],
            **({"leanings": [{"leaning": r.leaning, "outlets": r.outlets, "backs": r.backs, "alone": r.alone}
                             for r in sides_known]} if sides_known else {}),
        },
        "title": brief.title,
        "sources": [
            {"id": s.id, "name": s.name, "title": s.title, "path": s.path, "words": s.words,
             **{key: value for key, value in (("outlet", s.name if s.named else None), ("url", s.url), ("date", s.date),
                                              ("leaning", s.leaning), ("author", s.author)) if value}}
            for s in brief.sources
        ],
        "claims": [
            {
                "text": claim.text,
                "sources": list(claim.sources),
                "evidence": [{"source": e.source, "text": e.text} for e in claim.evidence],
                "kind": claim.kind,
                "section": claim.section,
                "score": claim.score,
                "edits": [edit_dict(edit) for edit in claim.edits],
                **({"contrasts_with": list(claim.contrasts_with)} if claim.contrasts_with else {}),
                **({"reported_by": list(claim.reported_by)} if claim.reported_by else {}),
            }
            for claim in brief.claims
        ],
        **({"skipped": [{"path": k.path, "reason": k.reason} for k in brief.skipped]} if brief.skipped else {}),
        "stats": {
            "words": brief.stats.words,
            "source_words": brief.stats.source_words,
            "compression": brief.stats.compression,
            "seconds": brief.stats.seconds,
        },
    }


def edit_dict(edit) -> dict:
    data = {"type": edit.type, "text": edit.text}
    if edit.type == "replace":
        data["replacement"] = edit.replacement
    if edit.reason:
        data["reason"] = edit.reason
    if edit.source is not None:
        data["source"] = edit.source
    return data


def describe_edit(edit) -> str:
    origin = f", from [{edit.source}]" if edit.source else ""
    if edit.type == "replace":
        return f"“{edit.text}” → “{edit.replacement}” ({edit.reason}{origin})"
    if edit.type == "delete":
        return f"deleted “{edit.text}” ({edit.reason})"
    return f"added “{edit.text}” ({edit.reason}{origin})"


def rendered(brief: Brief, output_format: str, show_edits: bool = False) -> str:
    """The brief as "md", "json" or "html" (the formats `brief` and `digest` write)."""
    if output_format == "html":
        from .html import to_html  # html builds on this module

        return to_html(brief, show_edits=show_edits)
    return to_json(brief) if output_format == "json" else to_markdown(brief, show_edits=show_edits)


def to_json(brief: Brief) -> str:
    return json.dumps(to_dict(brief), ensure_ascii=False, indent=2) + "\n"


def claim_notes(claim: Claim, brief: Brief, leanings: bool) -> list[str]:
    """What the reader is told beside a claim's citations: who reports it differently, who reports it in
    words too different to cite, and with `leanings` (every source has one) which sides report it."""
    notes = []
    if claim.contrasts_with:
        notes.append("reported differently by " + "".join(f"[{s}]" for s in claim.contrasts_with))
    if claim.reported_by:
        notes.append("also reported by " + "".join(f"[{s}]" for s in claim.reported_by))
    reported = sides(claim, brief) if leanings else []
    if reported and claim.section == "summary":
        notes.append(", ".join(reported))
    elif reported and not claim.contrasts_with and len(reporting(claim)) == 1:
        notes.append(f"reported only by the {reported[0]}-leaning outlet")
    return notes


def citations(claim: Claim) -> str:
    return "".join(f"[{source}]" for source in claim.sources)


_LINK_TEXT = re.compile(r"[\[\]]")


def _link_text(text: str) -> str:
    """Brackets escaped: inside a link's text they would end it."""
    return _LINK_TEXT.sub(lambda match: "\\" + match.group(0), text)


def to_markdown(brief: Brief, show_edits: bool = False) -> str:
    """Title, the claims with their citations, the numbered sources, one footer line.

    Claims only one outlet makes go under "Where sources differ", led by that outlet's name.
    With `show_edits`, each edited claim is followed by what changed from the outlet's sentence.
    Seconds are left out so the same input gives the same bytes.
    """
    lines = [f"# {brief.title}", ""]
    names = {source.id: source.label for source in brief.sources}
    side_rows = side_coverage(brief)
    summary = [c for c in brief.claims if c.section == "summary"]
    differences = [c for c in brief.claims if c.section == "differences"]
    for heading, claims in (("Summary", summary), ("Where sources differ", differences)):
        if not claims:
            continue
        lines += [f"## {heading}", ""]
        if heading != "Summary":
            lines += ["Reported by one outlet only, or reported differently, each in its outlet's words:", ""]
        for claim in claims:
            lead = f"**{names[claim.sources[0]]}:** " if heading != "Summary" else ""
            note = "".join(f" *({text})*" for text in claim_notes(claim, brief, bool(side_rows)))
            lines.append(f"- {lead}{claim.text} {citations(claim)}{note}")
            if show_edits and claim.edits:
                lines.append(f"  - *edited from [{claim.evidence[0].source}]:* " + "; ".join(describe_edit(e) for e in claim.edits))
        lines.append("")
    lines += ["## Sources", ""]
    for source in brief.sources:
        known = []  # a file name is no outlet name: the path says it
        if source.named:
            known.append(f"**{source.name}**")
        link = source.url if is_url(source.url) else None
        if source.title:
            title = f"“{source.title}”"
            known.append(f"[{_link_text(title)}](<{link}>)" if link else title)
        elif link:
            known.append(f"<{link}>")
        label = " — ".join(known) + " " if known else ""
        lines.append(f"{source.id}. {label}(`{source.path}`, {source.words:,} words)")
    for skipped in brief.skipped:
        lines.append(f"- Not used: `{skipped.path}` ({skipped.reason})")
    if len(brief.sources) > 1:
        lines += ["", "## Who reports what", "", "| outlet | claims it backs | of them, no other outlet reports | also reports, in other words |",
                  "|---|---|---|---|"]
        lines += [f"| [{row.source}] {row.outlet}" + (f" ({row.leaning})" if row.leaning else "") + f" | {row.backs} | {row.alone} | {row.reports} |"
                  for row in outlet_coverage(brief)]
        if side_rows:
            lines += ["", "| leaning | outlets | claims backed | of them, no other side reports |", "|---|---|---|---|"]
            lines += [f"| {row.leaning} | {row.outlets} | {row.backs} | {row.alone} |" for row in side_rows]
    lines += ["", "---", f"*{footer(brief)}*"]
    return "\n".join(lines) + "\n"


def footer(brief: Brief) -> str:
    """"196 words from 6,412 in 5 sources (3.1%); 8 claims, citing 4 of the 5 sources." """
    stats = brief.stats
    cited = len({s for claim in brief.claims for s in claim.sources})
    return (f"{stats.words:,} words from {stats.source_words:,} in {_plural(len(brief.sources), 'source')} "
            f"({stats.compression:.1%}); {_plural(len(brief.claims), 'claim')}{_citing(cited, len(brief.sources))}.")


def _citing(cited: int, sources: int) -> str:
    """", citing 4 of the 5 sources": how many sources the claims cite together (not each claim)."""
    if sources == 1:
        return ""
    if cited == sources:
        return f", citing all {sources} sources"
    return f", citing {cited} of the {sources} sources"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def check_writable(path: str | Path, force: bool = False) -> Path:
    """The output can be written: said before a long run, not after it (and again when writing)."""
    path = Path(path)
    if path.exists() and not force:
        raise InputError(f"{path} already exists: choose another name or add --force to replace it")
    if path.is_dir():
        raise InputError(f"{path} is a folder: give a file name for the output")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"cannot write {path}: folder {directory} does not exist")
    return directory


def write_output(text: str, path: str | Path, force: bool = False) -> None:
    """Write atomically (a temporary file renamed into place); refuse to replace a file unless forced."""
    path = Path(path)
    directory = check_writable(path, force)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
