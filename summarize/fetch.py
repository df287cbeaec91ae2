"""URL inputs: fetch a page politely and safely, then read its metadata from the page itself.

httpx does the HTTP (redirects, timeouts, streaming); trafilatura reads the page's headline, site name,
date and canonical URL. A page that fails (an HTTP error, a timeout, not HTML, too large) raises
FetchError with one line that names the URL; `ingest.read_inputs` then warns and goes on with the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import __version__
from .types import Document

USER_AGENT = f"summarize/{__version__} (offline news brief; one request per URL given by its user)"
HTML_TYPES = ("text/html", "application/xhtml+xml")


class FetchError(Exception):
    """A URL that gave no page; the message is one line naming it."""


@dataclass(frozen=True)
class Limits:
    timeout_s: float = 15.0  # connect, read and write each
    max_bytes: int = 5_000_000  # news pages are well under 1 MB; beyond this it is not an article
    max_redirects: int = 5


DEFAULT_LIMITS = Limits()


def is_url(item: object) -> bool:
    return isinstance(item, str) and item.lower().startswith(("http://", "https://"))


def fetch(url: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """The page at `url` as a Document with its metadata (outlet, title, date, canonical URL)."""
    import httpx

    try:
        with httpx.Client(follow_redirects=True, max_redirects=limits.max_redirects, timeout=limits.timeout_s,
                          headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"}) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
                kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if kind not in HTML_TYPES:
                    raise FetchError(f"{url}: not an HTML page ({kind or 'no content type'})")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limits.max_bytes:
                    raise FetchError(f"{url}: larger than {limits.max_bytes:,} bytes")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limits.max_bytes:
                        raise FetchError(f"{url}: larger than {limits.max_bytes:,} bytes")
                final_url = str(response.url)
                text = bytes(body).decode(response.encoding or "utf-8", errors="replace")
    except httpx.TimeoutException:
        raise FetchError(f"{url}: no answer within {limits.timeout_s:g} s") from None
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: more than {limits.max_redirects} redirects") from None
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as error:
        raise FetchError(f"{url}: {type(error).__name__}: {error}".splitlines()[0]) from None
    return Document(path=url, text=text, is_html=True, **page_metadata(text, final_url))


def page_metadata(html: str, url: str | None = None) -> dict[str, str]:
    """Outlet (site name), headline, author, date and canonical URL as the page states them (its meta
    tags: og:site_name, article:published_time, the canonical link); absent ones left out."""
    from trafilatura import extract_metadata

    found = extract_metadata(html, default_url=url)
    fields = {
        "outlet": getattr(found, "sitename", None),
        "title": getattr(found, "title", None),
        "author": getattr(found, "author", None),
        "date": getattr(found, "date", None),
        "url": getattr(found, "url", None) or url,
    }
    return {name: str(value).strip() for name, value in fields.items() if value}
