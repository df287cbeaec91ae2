"""URL inputs, against a local HTTP server the test starts on 127.0.0.1 and stops."""

import http.server
import threading
import time

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.fetch import FetchError, Limits, fetch
from summarize.ingest import ingest, read_inputs


def page(site: str, title: str, body: str) -> bytes:
    return f"""<!doctype html><html><head><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}"><meta property="og:title" content="{title}">
<meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2026-11-24T08:00:00Z">
<link rel="canonical" href="https://news.example/{title.split()[0].lower()}"></head>
<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{body}</article>
<footer>Copyright 2026 {site}</footer></body></html>""".encode()


STORY = ("<p>The city council approved the new budget on Tuesday after a four-hour debate over transit funding.</p>"
         "<p>The plan raises spending on buses by a tenth and freezes property taxes for a second year.</p>"
         "<p>Transit unions welcomed the decision and said they would back the plan at the next election.</p>")
ROUTES = {
    "/a": (200, "text/html; charset=utf-8", page("Harbour Times", "Council passes budget", STORY)),
    "/b": (200, "text/html", page("Evening Post", "Budget approved after long debate", STORY.replace("four-hour", "long"))),
    "/pdf": (200, "application/pdf", b"%PDF-1.4 not a page"),
    "/big": (200, "text/html", b"<html><body>" + b"<p>word </p>" * 5000 + b"</body></html>"),
}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the stdlib's name)
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/a")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(2)
        status, kind, body = ROUTES.get(self.path, (404, "text/html", b"<h1>Not found</h1>"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_page_brings_its_text_and_metadata(server):
    document = fetch(f"{server}/a")
    assert document.is_html and document.outlet == "Harbour Times"
    assert document.title == "Council passes budget" and document.date == "2026-11-24" and document.author == "Ann Lee"
    assert document.url == "https://news.example/council"  # the canonical link
    [source] = ingest([document])
    assert source.name == "Harbour Times" and "four-hour debate" in source.text and "Home | World" not in source.text


def test_a_redirect_is_followed(server):
    assert fetch(f"{server}/moved").outlet == "Harbour Times"


@pytest.mark.parametrize("path, limits, reason", [
    ("/missing", Limits(), "HTTP 404"),
    ("/slow", Limits(timeout_s=0.5), "no answer within 0.5 s"),
    ("/pdf", Limits(), "not an HTML page (application/pdf)"),
    ("/big", Limits(max_bytes=20_000), "larger than 20,000 bytes"),
])
def test_a_failing_url_is_one_line_naming_it(server, path, limits, reason):
    with pytest.raises(FetchError) as error:
        fetch(f"{server}{path}", limits)
    message = str(error.value)
    assert message.startswith(f"{server}{path}: ") and reason in message and "\n" not in message


def test_urls_and_files_mix_and_a_failing_url_is_skipped(server, tmp_path, caplog):
    (tmp_path / "c.txt").write_text("The council approved the new budget on Tuesday, and bus spending will rise by a "
                                    "tenth next year.", encoding="utf-8")
    documents = read_inputs([f"{server}/a", f"{server}/missing", str(tmp_path / "c.txt")])
    assert [d.outlet for d in documents] == ["Harbour Times", None]
    assert any("/missing: HTTP 404" in record.getMessage() for record in caplog.records)


def test_a_feed_row_may_give_a_url_instead_of_text(server, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(f'{{"url": "{server}/a", "leaning": "centre"}}\n{{"url": "{server}/missing"}}\n', encoding="utf-8")
    [document] = read_inputs([feed])
    assert (document.outlet, document.leaning, document.url) == ("Harbour Times", "centre", f"{server}/a")


def test_cli_brief_of_urls(server):
    result = CliRunner().invoke(cli, ["brief", f"{server}/a", f"{server}/b", f"{server}/pdf", "--words", "60", "--no-model"])
    assert result.exit_code == 0, result.output
    assert "**Harbour Times** — [“Council passes budget”](<http" in result.output  # linked to its page
    assert "**Evening Post**" in result.output
    failed = CliRunner().invoke(cli, ["brief", f"{server}/missing", f"{server}/pdf"])
    assert failed.exit_code == 1 and "Traceback" not in failed.output and "Error:" in failed.output
