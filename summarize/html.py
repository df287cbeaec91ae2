"""The brief as one self-contained HTML page: no script, no font, no request to any server.

Each citation is a link to its source in the list below; hovering or focusing it (keyboard included)
shows the sentence of that outlet that states the claim, and the outlet's name. Edits are shown on
request, as a closed <details> under each edited claim.
"""

from __future__ import annotations

from html import escape

from .coverage import outlet_coverage, side_coverage
from .fetch import is_url
from .render import claim_notes, describe_edit, footer
from .types import Brief, Claim

STYLE = """
body { font: 16px/1.5 Georgia, "Times New Roman", serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d1d1f; background: #fff; }
h1 { font-size: 1.6rem; line-height: 1.25; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
ul.claims { padding-left: 1.1rem; } ul.claims li { margin: .55rem 0; }
.cite { position: relative; font: 600 .8rem/1 system-ui, sans-serif; color: #0b57d0; text-decoration: none; scroll-margin-top: 14rem;
        padding: 0 .08rem; }
.cite .tip { visibility: hidden; opacity: 0; position: absolute; z-index: 2; left: 0; top: 1.4rem; width: 22rem;
             padding: .6rem .7rem; background: #fffbe6; border: 1px solid #d9c77a; border-radius: 6px;
             box-shadow: 0 4px 14px rgba(0,0,0,.15); font: 400 .85rem/1.4 system-ui, sans-serif; color: #222; }
.cite:hover .tip, .cite:focus .tip, .cite:target .tip { visibility: visible; opacity: 1; }
.tip b { display: block; margin-bottom: .25rem; }
.note { color: #666; font-style: italic; font-size: .9rem; }
.outlet { font-weight: 700; }
details { font: .85rem/1.4 system-ui, sans-serif; color: #555; margin-top: .2rem; }
table { border-collapse: collapse; font: .9rem system-ui, sans-serif; } td, th { border: 1px solid #ddd; padding: .25rem .5rem; }
footer { margin-top: 2rem; color: #666; font-size: .9rem; }
"""


def to_html(brief: Brief, show_edits: bool = False) -> str:
    names = {source.id: source.label for source in brief.sources}
    known_sides = side_coverage(brief)
    parts = [f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
             f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
             f"<title>{escape(brief.title)}</title><style>{STYLE}</style></head><body>",
             f"<h1>{escape(brief.title)}</h1>"]
    for heading, section in (("Summary", "summary"), ("Where sources differ", "differences")):
        claims = [claim for claim in brief.claims if claim.section == section]
        if not claims:
            continue
        parts.append(f"<h2>{heading}</h2>")
        if section == "differences":
            parts.append("<p class=\"note\">Reported by one outlet only, or reported differently, each in its outlet's words:</p>")
        parts.append("<ul class=\"claims\">")
        for claim in claims:
            lead = f"<span class=\"outlet\">{escape(names[claim.sources[0]])}:</span> " if section == "differences" else ""
            notes = "".join(f" <span class=\"note\">({escape(note)})</span>"
                            for note in claim_notes(claim, brief, bool(known_sides)))
            edits = ""
            if show_edits and claim.edits:
                listed = "".join(f"<li>{escape(describe_edit(edit))}</li>" for edit in claim.edits)
                edits = f"<details><summary>edited from [{claim.evidence[0].source}]</summary><ul>{listed}</ul></details>"
            number = brief.claims.index(claim) + 1
            parts.append(f"<li id=\"claim-{number}\">{lead}{escape(claim.text)} {_citations(claim, names, number)}{notes}{edits}</li>")
        parts.append("</ul>")
    parts.append("<h2>Sources</h2><ol>")
    for source in brief.sources:
        title = f"“{escape(source.title)}”" if source.title else ""
        if is_url(source.url):  # http(s) only: never a javascript: link from a feed
            title = f"<a href=\"{escape(source.url, quote=True)}\">{title or escape(source.url)}</a>"
        outlet = f"<span class=\"outlet\">{escape(source.name)}</span> — " if source.named else ""
        extra = ", ".join(escape(x) for x in (source.date, source.leaning) if x)
        parts.append(f"<li id=\"source-{source.id}\">{outlet}{title} <span class=\"note\">({escape(source.path)}, "
                     f"{source.words:,} words{', ' + extra if extra else ''})</span></li>")
    parts.append("</ol>")
    if len(brief.sources) > 1:
        rows = "".join(f"<tr><td>[{row.source}] {escape(row.outlet)}</td><td>{row.backs}</td><td>{row.alone}</td><td>{row.reports}</td></tr>"
                       for row in outlet_coverage(brief))
        parts.append("<h2>Who reports what</h2><table><tr><th>outlet</th><th>claims it backs</th>"
                     f"<th>of them, no other outlet reports</th><th>also reports, in other words</th></tr>{rows}</table>")
    parts.append(f"<footer>{escape(footer(brief))}</footer></body></html>\n")
    return "\n".join(parts)


def _citations(claim: Claim, names: dict[int, str], number: int) -> str:
    """[1][3]: links to the sources; each shows, on hover or focus, the sentence that states the claim
    (and when the page is opened at it: `brief.html#cite-2-3` is claim 2's citation of source 3)."""
    evidence = {e.source: e.text for e in claim.evidence}
    links = []
    for source in claim.sources:
        tip = f"<span class=\"tip\" role=\"tooltip\"><b>{escape(names[source])}</b>{escape(evidence.get(source, ''))}</span>"
        links.append(f"<a class=\"cite\" id=\"cite-{number}-{source}\" href=\"#source-{source}\" aria-label=\"source {source}, {escape(names[source], quote=True)}\">"
                     f"[{source}]{tip}</a>")
    return "".join(links)

