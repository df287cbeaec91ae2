"""`--format html`: one self-contained page whose citations show their evidence; checked in chromium."""

import re
import shutil
import subprocess
from html import unescape

import pytest
from click.testing import CliRunner

import summarize
from summarize.cli import cli
from summarize.html import to_html
from summarize.render import to_markdown

from .conftest import SEEDS


def test_the_page_is_self_contained_and_every_citation_carries_its_evidence(seeds_brief):
    page = to_html(seeds_brief, show_edits=True)
    assert page.startswith("<!doctype html>") and "<script" not in page.lower()
    assert not re.search(r"""(?:src|href)=["']https?://|@import|<link\b""", page)  # nothing fetched on opening
    for number, claim in enumerate(seeds_brief.claims, 1):
        assert f'id="claim-{number}"' in page
        for evidence in claim.evidence:
            if evidence.source not in claim.sources:
                continue
            anchor = re.search(rf'<a class="cite" id="cite-{number}-{evidence.source}" href="#source-{evidence.source}"'
                               r'[^>]*>\[\d+\]<span class="tip" role="tooltip"><b>([^<]*)</b>([^<]*)</span></a>', page)
            assert anchor, (number, evidence.source)
            outlet = seeds_brief.sources[evidence.source - 1].label
            assert unescape(anchor.group(1)) == outlet and unescape(anchor.group(2)) == evidence.text
    edited = sum(1 for claim in seeds_brief.claims if claim.edits)
    assert page.count("<details>") == edited and to_html(seeds_brief).count("<details>") == 0  # edits on request
    assert all(f'id="source-{s.id}"' in page for s in seeds_brief.sources)
    # The same footer as the Markdown brief: length against the sources', and the sources the claims cite.
    footer = re.search(r"<footer>([^<]*)</footer>", page).group(1)
    assert unescape(footer) == to_markdown(seeds_brief).rstrip().splitlines()[-1].strip("*")


def test_cli_writes_the_page(tmp_path):
    out = tmp_path / "brief.html"
    result = CliRunner().invoke(cli, ["brief", str(SEEDS), "--format", "html", "-o", str(out), "--no-model"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed (apt-get install chromium)")
def test_chromium_renders_the_page_with_a_citation_open(seeds_brief, tmp_path):
    page = tmp_path / "brief.html"
    page.write_text(to_html(seeds_brief), encoding="utf-8")
    browser = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,1500"]
    dom = subprocess.run([*browser, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert all(unescape(claim.text) in unescape(dom) for claim in seeds_brief.claims)
    shot = tmp_path / "brief.png"
    cite = re.search(r'id="(cite-\d+-\d+)"', dom).group(1)
    subprocess.run([*browser, f"--screenshot={shot}", f"{page.as_uri()}#{cite}"], capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_only_web_addresses_become_links(seeds_brief):
    """A feed's url field could hold anything: only http(s) is linked, never a javascript: address."""
    from dataclasses import replace

    sources = list(seeds_brief.sources)
    sources[0] = replace(sources[0], url="javascript:alert(1)")
    sources[1] = replace(sources[1], url="https://example.org/story")
    page = to_html(replace(seeds_brief, sources=tuple(sources)))
    assert "javascript:" not in page and 'href="https://example.org/story"' in page
    markdown = summarize.to_markdown(replace(seeds_brief, sources=tuple(sources)))
    assert "javascript:" not in markdown and "(<https://example.org/story>)" in markdown
