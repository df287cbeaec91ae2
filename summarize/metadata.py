"""Metadata where users keep it: who published an article, where, when, from which side.

Three places, read before cleaning: YAML front matter at the top of a .md/.txt file; a `sources.csv` or
`sources.jsonl` beside the files of a folder (one row per file); and feeds, a .jsonl or .csv file given
as an input with one article per line or row. The fields are `outlet`, `url`, `date`, `leaning` and
`title`; all are optional and never guessed. A leaning is whatever the user calls it ("left",
"centre-right"): the tool keeps no rating list of its own.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from dataclasses import replace
from pathlib import Path

from .errors import InputError
from .types import Document

log = logging.getLogger(__name__)

FIELDS = ("outlet", "url", "date", "leaning", "title", "author")
FEED_SUFFIXES = {".jsonl", ".csv"}
SOURCES_FILES = ("sources.csv", "sources.jsonl")


def front_matter(text: str, path: str) -> tuple[dict[str, str], str]:
    """The fields of a YAML block fenced by `---` lines at the very top, and the text after it."""
    if not text.startswith("---"):
        return {}, text
    lines = text.splitlines(keepends=True)
    if lines[0].strip() != "---":
        return {}, text
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            break
    else:
        return {}, text  # an opening rule and no closing one: a horizontal rule, not front matter
    import yaml  # PyYAML: YAML is not ours to parse by hand

    try:
        data = yaml.safe_load("".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise InputError(f"{path}: the front matter is not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: the front matter must be `key: value` lines")
    return _fields(data), "".join(lines[end + 1:])


def with_fields(document: Document, fields: dict[str, str]) -> Document:
    """The document with the given metadata (from a sources file). A text file's own front matter wins;
    a page's meta tags do not (the user's file says what the user knows)."""
    known = {name: value for name, value in fields.items() if document.is_html or getattr(document, name) in (None, "")}
    return replace(document, **known) if known else document


def sources_file(folder: Path) -> dict[str, dict[str, str]]:
    """File name → fields, from a `sources.csv` or `sources.jsonl` in the folder (empty when there is none)."""
    for name in SOURCES_FILES:
        path = folder / name
        if path.is_file():
            rows = _rows(path)
            mapping = {}
            for number, row in rows:
                file = str(row.get("file") or row.get("path") or "").strip()
                if not file:
                    raise InputError(f"{path}, row {number}: no `file` column naming the article it describes")
                mapping[Path(file).name] = _fields(row)
            return mapping
    return {}


def read_feed(path: Path, limits=None) -> list[Document]:
    """One Document per line (.jsonl) or row (.csv): its `text`, or the page at its `url` (the row's
    fields beat the page's). A row that gives no text is skipped with a warning."""
    from .fetch import DEFAULT_LIMITS, FetchError, fetch, is_url

    documents = []
    for number, row in _rows(path):
        text = str(row.get("text") or "").strip()
        fields = _fields(row)
        if not text and is_url(fields.get("url")):
            try:
                page = fetch(fields["url"], limits or DEFAULT_LIMITS)
            except FetchError as error:
                log.warning("skipping %s, row %d: %s", path, number, error)
                continue
            documents.append(replace(page, path=f"{path}#{number}", **fields))
            continue
        if not text:
            log.warning("skipping %s, row %d: it has no text and no URL", path, number)
            continue
        from .ingest import looks_like_html

        documents.append(Document(path=f"{path}#{number}", text=text, is_html=looks_like_html(text), **fields))
    if not documents:
        raise InputError(f"{path}: no row holds an article's `text`")
    return documents


def _rows(path: Path) -> list[tuple[int, dict]]:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {getattr(error, 'strerror', None) or error}") from None
    if path.suffix.lower() == ".csv":
        return list(enumerate(csv.DictReader(io.StringIO(raw)), start=1))
    rows = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}, line {number}: not valid JSON ({error.msg})") from None
        if not isinstance(row, dict):
            raise InputError(f"{path}, line {number}: expected an object with a `text` field")
        rows.append((number, row))
    return rows


def _fields(data: dict) -> dict[str, str]:
    """The known fields, as text (YAML reads a date as a date), empty ones left out."""
    return {name: str(data[name]).strip() for name in FIELDS if data.get(name) not in (None, "")}
