"""Read inputs and clean them: one Source per file, its headline, its outlet and its body paragraphs.

News text arrives wrapped in page chrome. The chrome is line-shaped (DESIGN.md §1), so cleaning works
on lines with general rules: the shape of a line (is it prose at all?), patterns of chrome that every
site shares (share buttons, players, sponsors, credits, subscription and donation appeals, footers),
repetition inside a document (a lede printed twice) and across documents (the same widget on two sites),
and blocks of publisher testimonials. HTML is reduced to text by trafilatura first.
"""

from __future__ import annotations

import logging
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .fetch import DEFAULT_LIMITS, FetchError, Limits, fetch, is_url
from .metadata import FEED_SUFFIXES, front_matter, read_feed, sources_file, with_fields
from .types import Document, Skipped, Source, count_words

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}

# ---------------------------------------------------------------- reading


def read_inputs(inputs: Iterable[str | Path | Document], stdin: str | None = None,
                limits: Limits = DEFAULT_LIMITS) -> list[Document]:
    """Paths, folders (their text and HTML files, sorted), feeds, URLs, "-" for standard input, or Documents.

    A missing path is an error (most likely a typo); a file that cannot be decoded or a URL that gives no
    page is skipped with a one-line warning, and only an input list with nothing usable left fails.
    """
    documents: list[Document] = []
    for item in inputs:
        if isinstance(item, Document):
            documents.append(item)
            continue
        name = str(item)
        if is_url(name):
            try:
                documents.append(fetch(name, limits))
            except FetchError as error:
                log.warning("skipping %s", error)
            continue
        if name == "-":
            text = stdin if stdin is not None else sys.stdin.read()
            documents.append(Document(path="-", text=text, is_html=looks_like_html(text)))
            continue
        path = Path(name)
        if not path.exists():
            raise InputError(f"no such file or folder: {name}")
        if path.is_dir():
            files = sorted(
                p for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES and not p.name.startswith(".")
            )
            if not files:
                raise InputError(f"folder {name} holds no .txt, .md or .html files")
        else:
            files = [path]
        if not path.is_dir() and path.suffix.lower() in FEED_SUFFIXES:
            documents.extend(read_feed(path, limits))  # one article per line or row
            continue
        described = sources_file(path if path.is_dir() else path.parent)
        for file in files:
            document = _read_file(file)
            if document is not None:
                documents.append(with_fields(document, described.get(file.name, {})))
    if not documents:
        raise InputError("no readable input: give text or HTML files, a folder of them, or - for stdin")
    return documents


def _read_file(path: Path) -> Document | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        log.warning("skipping %s: %s", path, error.strerror or error)
        return None
    if b"\x00" in data[:4096]:
        log.warning("skipping %s: it looks like a binary file, not text", path)
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("latin-1")
    is_html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text)
    if is_html:  # a saved page: its own meta tags (site name, date, canonical link)
        from .fetch import page_metadata

        fields = page_metadata(text)
    else:
        fields, text = front_matter(text, str(path))
    return Document(path=str(path), text=text, is_html=is_html, **fields)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


# ---------------------------------------------------------------- line rules

# Characters that open or close quotations, straight and typographic, and newswire's ``…'' pairs.
OPEN_QUOTES = "\"“‘«`"
CLOSE_QUOTES = "\"”’»'"
TERMINAL = ".!?…"

_BULLET = re.compile(r"^\s*(?:[•·▪●◦‣∙*]|[-–—](?=\s)|\d{1,2}\.(?=\s+[A-Z\"“`'])|--(?=\s?[A-Z])|[A-D]\)(?=\s))\s*")  # "3. Buy supplements …" too
_ELISION = re.compile(r"^\s*\[(?:…|\.\.\.)\]\s*")  # "[…]" opening an excerpt
_SOURCE_MARK = re.compile(r"\s*\[(?:source|link|via)\]", re.IGNORECASE)
# A link's label for screen readers, left inside the sentence when a page's links become text:
# "Sen. Bernie Sanders Opens a New Window. proposed a plan on Thursday …".
_LINK_LABEL = re.compile(r"\s*\b(?:Opens|Opens in|Open in|Opens into) a [Nn]ew (?:[Ww]indow|[Tt]ab)\b\.?")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")

# A wire dateline glued to the first sentence: "(Bloomberg) — …", "PINE RIDGE, S.D. (AP) -- …".
_DATELINE = re.compile(
    # "SAN JUAN, Puerto Rico (AP) —", "Washington (CNN) -" (held-out sample L kept "Washington -")
    r"^(?:(?:[A-Z][A-Z .,'’-]{1,40}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})(?:,\s+[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+\.?)?)?\s)?"
    r"\((?P<outlet>[A-Z][A-Za-z&.'’ ]{1,40})\)(?:\s*(?:[—–_]|--?)\s*|(?=[A-Z][a-z]))"  # "Washington (CNN)President …"
)
# "WASHINGTON — ", "KANSAS CITY, Mo. -- ": where the story was filed, not part of its first sentence.
_PLACE_DATELINE = re.compile(r"^(?:ST\. )?[A-Z]{3,}(?:[ -][A-Z]{2,})*(?:,\s+(?:[A-Z]\.[A-Z]\.|[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+\.?)?))?"
                             r"(?:\s*(?:[—–]|--)\s*|\s+-\s+)(?=[A-Z“\"])")
# "Romulus — U.S. Rep. Rashida Tlaib joined …": a place in title case before a dash, on the story's first
# paragraph only (further down, "Trump — …" may be news).
# "Doha, Qatar - US officials …" (held-out sample M): a spaced hyphen as well.
_TITLE_PLACE_DATELINE = re.compile(r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}(?:,\s+[A-Z][a-z]+\.?)?\s+(?:[—–]|--?)\s+(?=[A-Z“\"])")
_COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?P<owner>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’-]*){0,3})",
    re.IGNORECASE,
)
_CORPORATE_SUFFIX = re.compile(r"\s+(?:L\.?P\.?|Inc\.?|LLC|Ltd\.?|Corp\.?|Co\.?|Media|Group)$")

# The reporters' credit line: "Associated Press writer Jill Colvin in Washington contributed to this report."
CREDIT_LINE = r"\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))\b"

# Chrome that every kind of site prints. Each rule names what it removes; all are matched against one
# line with its markers stripped.
CHROME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("share button", r"^(?:share|tweet|pin|email|e-mail|print|copy link|save)\b(?:\s+(?:on|this|via|to)\b.{0,30})?$"),
        ("media player", r"^getting your .{0,60}\bready\b|^(?:listen to|play) (?:this|the) (?:article|story)\b|"
                         r"^media playback is unsupported\b|^just watched\b|\breplay more videos\b|"
                         r"^you[’']?ll need an html5 capable browser\b"),
        ("sponsor", r"^(?=.{0,80}$).*\bsponsored by\b|^advertisement$|^(?:google )?ads?\b.{0,20}$|^promoted\b"),
        ("subscription", r"^(?:subscribe|sign up|sign in|log in|register)\b.{0,60}$|\bnewsletter\b.{0,40}$|^follow us\b"),
        ("donation", r"\bwe need your support\b|\byour (?:contribution|donation|support) (?:will )?helps?\b|^(?:please )?donate\b|\bsupport (?:our|independent) journalism\b"),
        ("copyright", r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b"),
        ("photo credit", r"\((?:photo|image|picture|video|file photo)s?\b[^)]*\)|\b(?:photo|image|source|credit)s?:\s*[^.]{0,80}(?:/|\bgetty\b|\bafp\b|\breuters\b|\bap\b)|^(?:ap|afp|reuters|getty) (?:images|photo)s?$|^(?:image|media|video|photo) (?:copyright|caption)\b"),
        ("wire note", r"^\(updates? (?:with|to)\b|^[—–-]*\s*with assistance from\b|^\(reporting by\b|^editing by\b|"
                      rf"{CREDIT_LINE}.{{0,40}}$"),
        ("related links", r"^(?:more stories|related(?: articles| stories| coverage| links| content| posts)?\s*(?::|$)|read more\b|recommended\b|you may also like|most (?:read|popular)\b|trending\b)"),
        ("site widget", r"^(?:open popup|close popup|welcome back!?|click (?:here|on the image|to)\b|search past entries\b|skip to (?:main )?content\b|back to top\b|view comments\b|comments?\s*\(\d+\)$)"),
        ("web widget", r"\balexa internet has been donating\b|\badded to the wayback machine\b|\bweb collections curated by\b|"
                       r"\barchive-it service\b|\blocation information to your tweets\b|^(?:tweet with|add) a location\b|"
                       r"\bjoin our mailing list\b|\bno more 404\b|\bcrawls? (?:data |of )?.{0,60}\b(?:internet archive|wayback machine)\b|"
                       r"\b(?:internet archive|wayback machine)\b.{0,60}\bcrawl|\beffort to archive pages\b|\bin your facebook newsfeed\b|\bdelivered to your inbox\b"),
        ("byline", r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*$"),
    )
)
# Chrome is short: a line of more words is a news paragraph even when a phrase inside it matches a rule
# ("a bill sponsored by Sen. …", "the newsletter she founded …"). The longest chrome line in the seeds
# (a donation appeal) has 25 words.
CHROME_MAX_WORDS = 30
_WIDGET = dict(CHROME_RULES)["web widget"]  # its phrases never occur in reporting, whatever the line's length
# A video player's buttons glued before a news paragraph: the buttons go, the paragraph stays.
# A social-media post embedded in a page ends with its author, handle and date: "— Donald J. Trump
# (@realDonaldTrump) November 7, 2012", "A post shared by Nasir Jones (@nas) on Jun 20, 2017 at 10:33am PDT".
_EMBEDDED_POST = re.compile(r"[—–-]\s*[^()—–]{1,80}\(@\w+\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$"
                            r"|\bA post shared by [^()]{1,80}\(@\w+\)")
_POST_SIGNATURE = re.compile(r"^[—–-]?\s*[^()—–]{1,80}\(@\w+\)\s+(?:on\s+)?[A-Z][a-z]+\.? \d{1,2}, \d{4}\b.{0,20}$")
_PLAYER_PREFIX = re.compile(r"^(?:[Ss]kip in [Ss]kip x [Ee]mbed x [Ss]hare\s*"
                            # "Image The White House's spokeswoman …": a photo's placeholder ("Image Comics" stays)
                            r"|Image\s+(?=(?:The|A|An|In|On|At|This|These|Those|His|Her|Their|Its|President|Mr|Ms|Mrs|Dr)\b))")
_CREDIT = re.compile(r"\s*\((?:photo|image|picture|video|file photo)s?\b[^)]*\)", re.IGNORECASE)
# Chrome after which nothing of the article follows: a footer begins here.
FOOTER_RULES = {"subscription", "donation", "copyright", "related links", "site widget", "web widget"}


@dataclass
class Line:
    text: str  # markers stripped
    raw: str
    bullet: bool = False
    reason: str | None = None  # why it is not body, None if it is

    @property
    def words(self) -> int:
        return count_words(self.text)


_SPACED_ELLIPSIS = re.compile(r"(?<=\S) ?\. \. \.(?! ?\.)")
_SPACED_ELLIPSIS_END = re.compile(r"(?<=\S) ?\. \. \. ?\.")  # four dots: an ellipsis, then the sentence's end


def normalize(text: str) -> str:
    """NFC, one kind of newline and space, no invisible characters; a spaced ellipsis (". . .", which the
    sentence splitter took for three sentence ends inside a quotation) is one character "…"."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACED_ELLIPSIS.sub(" …", _SPACED_ELLIPSIS_END.sub("….", _INVISIBLE.sub("", text)))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def unwrap(text: str) -> list[str]:
    """Lines that are paragraphs. Hard-wrapped paragraphs (one paragraph over several lines) are joined."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line]
        if len(lines) >= 3 and _is_hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _is_hard_wrapped(lines: list[str]) -> bool:
    # Wrapped prose: every line but the last of about the same width (40-120 characters), most ending
    # mid-sentence. Lists, testimonials and chrome have ragged widths.
    body = lines[:-1]
    widths = sorted(len(line) for line in body)
    even = 40 <= widths[0] and widths[-1] <= 120 and widths[-1] <= 1.4 * widths[0]
    open_ended = [line for line in body if not line.endswith(tuple(TERMINAL + CLOSE_QUOTES + ":"))]
    return even and len(open_ended) >= 0.6 * len(body)


def is_prose(line: Line, min_words: int = 8) -> bool:
    """A paragraph of running text, not a heading, caption or fragment.

    Enough words and a sentence ending; or a long line without one (a paragraph that leads into a
    block quote). A lone short question is a heading ("What did Xi and Blinken discuss?").
    """
    text = _WIRE_CODE.sub("", line.text).rstrip(CLOSE_QUOTES + ")] ")
    if not text:
        return False
    if line.bullet:
        return line.words >= 2 and text[-1] in TERMINAL
    if line.words >= LONG_PARAGRAPH_WORDS or (line.words >= 12 and _SENTENCE_INSIDE.search(text)):
        return True  # a long paragraph, or one whose last sentence was cut off
    if text[-1] == "?" and not _SENTENCE_INSIDE.search(text[:-1]) and text[0] not in OPEN_QUOTES:
        return False
    if text[-1] in ".!:" and line.words >= 3 and _SHORT_SENTENCE.match(text):
        # A short paragraph newswire prints ("Neighbors, meantime, feel frustrated."), or one that leads
        # into a quotation or a list ("Von Gernet also testified:").
        return True
    return text[-1] in TERMINAL + ":" and line.words >= min_words


# A short sentence: capitalised start, then mostly lowercase running words (a caption or credit is names).
_SHORT_SENTENCE = re.compile(r"^[" + OPEN_QUOTES + r"']*[A-Z][\w’'-]*[,?!]?[" + CLOSE_QUOTES + r"]*(?:\s+\S+)*?\s+[a-z]{3,}\b")


_WIRE_CODE = re.compile(r"\s*\([a-z]{1,5}(?:-[a-z]{1,5})?\)$")  # newswire's closing slug: "… Monday. (pfg-xx)"
LONG_PARAGRAPH_WORDS = 20  # no headline or caption we have seen runs this long without a full stop
_SENTENCE_INSIDE = re.compile(r"[.!?][" + CLOSE_QUOTES + r"]?\s+[" + OPEN_QUOTES + r"]?[A-Z]")


def _key(text: str) -> str:
    return re.sub(r"[^\w]+", "", text.lower())


def _is_whole_quote(text: str) -> bool:
    return len(text) > 2 and text[0] in OPEN_QUOTES and text.rstrip()[-1] in CLOSE_QUOTES


def _looks_like_attribution(text: str) -> bool:
    # "Name, Role, Organisation": short, a comma, no sentence ending.
    stripped = text.rstrip()
    return (
        "," in stripped
        and count_words(stripped) <= 16
        and stripped[:1].isupper()
        and stripped[-1] not in ".!?…"
    )


# ---------------------------------------------------------------- cleaning


@dataclass
class Cleaned:
    path: str
    title: str
    outlet: str | None
    lines: list[Line]

    @property
    def body(self) -> list[Line]:
        return [line for line in self.lines if line.reason is None]


# A paragraph whose first words are set in capitals, as newspapers open a story ("THE TRUMP administration
# would …", "THE UNITED STATES is currently …", "IN the treatment of …"; held-out samples P and Q printed them
# so): a function word first, then a lowercase word after the run.
_CAPS_LEDE = re.compile(r"^(?:THE|A|AN|IN|ON|AT|AS|FOR|WHEN|AFTER|WHILE|IF|BY|WITH|FROM|THIS)(?:\s+[A-Z][A-Z’'.-]*)*(?=\s+[a-z])")


def _unset_capitals(text: str, document_text: str) -> str:
    """The capitals of a lede written as the rest of the document writes each word ("townhouse"), else as a
    name ("Trump", "United States"); a short word it never writes otherwise stays as set (an acronym: "THE
    FBI said")."""
    match = _CAPS_LEDE.match(text)
    if match is None:
        return text
    words = match.group(0).split()
    out = [words[0].capitalize()]
    for word in words[1:]:
        titled, lower = word.capitalize(), word.lower()
        if re.search(rf"\b{re.escape(titled)}\b", document_text):
            out.append(titled)
        elif len(word) > 3 and re.search(rf"\b{re.escape(lower)}\b", document_text):
            out.append(lower)
        else:
            out.append(word if len(word.strip(".’'")) <= 4 else titled)
    return " ".join(out) + text[match.end():]


def clean_document(document: Document) -> Cleaned:
    """Title, outlet and body lines of one document; every line not kept carries its reason."""
    text, html_title, html_outlet = _html_to_text(document) if document.is_html else (document.text, None, None)
    lines = [_strip_markers(raw) for raw in unwrap(normalize(text))]

    outlet = html_outlet
    for line in lines[:8]:  # datelines open the story
        match = _DATELINE.match(line.text)
        if match:
            outlet = outlet or match.group("outlet").strip()
            line.text = line.text[match.end():]
            break

    first_paragraph = next((n for n, line in enumerate(lines[:8]) if line.words >= 8), None)
    for number, line in enumerate(lines):
        line.text = _unset_capitals(_PLAYER_PREFIX.sub("", line.text), text)
        if number < 8:  # a dateline opens the story ("NATO — The alliance …" further down is news)
            line.text = _PLACE_DATELINE.sub("", line.text)
        if number == first_paragraph:
            line.text = _TITLE_PLACE_DATELINE.sub("", line.text)
        # A tweet is its author's words, not the article's ("The stock market … are both plunging today." was
        # Trump's tweet of 2012, printed as news). A signature on a line of its own signs the line before.
        if _POST_SIGNATURE.match(line.text):
            line.reason = "embedded post"
            if number and lines[number - 1].words <= 60:
                lines[number - 1].reason = "embedded post"
            continue
        if _EMBEDDED_POST.search(line.text):
            line.reason = "embedded post"
            continue
        if line.words > CHROME_MAX_WORDS and not _WIDGET.search(line.text):
            # A credit inside a news paragraph goes; the paragraph stays.
            line.text = _CREDIT.sub("", line.text).strip()
            continue
        for name, pattern in CHROME_RULES:
            if pattern.search(line.text):
                line.reason = name
                if name == "copyright" and outlet is None:
                    outlet = _copyright_owner(line.text)
                break

    if document.title:  # given as metadata: the same line in the text is the headline, never body
        title = document.title.strip()
        for line in lines[:12]:
            if line.reason is None and _key(line.text) == _key(title):
                line.reason = "headline"
                break
    else:
        title = html_title or _take_title(lines)
    _mark_testimonials(lines)
    _mark_duplicates(lines)
    for line in lines:
        if line.reason is None and not is_prose(line):
            line.reason = _FRAGMENT
    prose = [line.reason is None for line in lines]  # before either pass keeps more
    _keep_list_items(lines, prose)
    _keep_questions(lines, prose)
    _cut_footer(lines)
    return Cleaned(path=document.path, title=title or "", outlet=outlet, lines=lines)


def _strip_markers(raw: str) -> Line:
    text = _ELISION.sub("", raw)
    text = _LINK_LABEL.sub("", _SOURCE_MARK.sub("", text)).strip()
    bullet = bool(_BULLET.match(text)) and not re.match(r"--+(?![\s]?[A-Z])", text)
    if bullet:
        text = _BULLET.sub("", text, count=1)
    return Line(text=text, raw=raw, bullet=bullet)


def _html_to_text(document: Document) -> tuple[str, str | None, str | None]:
    # trafilatura is the maintained extractor for article bodies; we do not parse HTML ourselves.
    import trafilatura

    extracted = trafilatura.bare_extraction(document.text, include_comments=False, include_tables=False)
    if extracted is None:
        return "", None, None
    text = extracted.text or ""
    return text, extracted.title or None, extracted.sitename or None


def _copyright_owner(text: str) -> str | None:
    match = _COPYRIGHT_OWNER.search(text)
    if not match:
        return None
    owner = _CORPORATE_SUFFIX.sub("", match.group("owner").strip(" .,"))
    return owner if owner and owner.lower() not in {"all", "the", "copyright"} else None


def _take_title(lines: list[Line]) -> str | None:
    """The headline: the first line that is headline-shaped (a few words, no full stop)."""
    for line in lines[:12]:
        if line.reason is not None:
            continue
        ending = line.text.rstrip(CLOSE_QUOTES + ")").rstrip()[-1:]
        if 3 <= line.words <= 25 and ending not in TERMINAL and not line.bullet:
            line.reason = "headline"
            return line.text
        if is_prose(line):
            break  # the story has begun: a headline comes before it
    for line in lines:
        if line.reason is None:
            return " ".join(line.text.split()[:12]) + FIRST_WORDS
    return None


FIRST_WORDS = " …"  # marks a title made of the body's first words: a label, not a headline
# An outlet's own label on an opinion piece, as its headline prints it: every sentence of it is the writer's
# view (42 NeuS train headlines open on "OPINION:"; DUC's "EDITORIAL:", "COMMENTARY:").
_OPINION_LABEL = re.compile(r"^\s*(?:opinion|op-ed|editorial|commentary|column|perspective|viewpoint)\s*[:|\-–—]", re.IGNORECASE)


_FRAGMENT = "not prose (heading, caption or fragment)"


def _keep_list_items(lines: list[Line], prose: list[bool], reach: int = 3) -> None:
    """Items of a list inside a story ("Canadian hammer thrower Robin Lyons dropped from team after …")
    are news without a full stop: lines of 8+ words in a run of such lines with prose (`prose[i]`)
    within `reach` lines before and after the run stay. Headings and captions are shorter; a list of
    related links comes after the story, not inside it."""
    def item(line: Line) -> bool:
        return line.reason == _FRAGMENT and line.words >= 8 and not line.text.endswith("?")

    i = 0
    while i < len(lines):
        if not item(lines[i]):
            i += 1
            continue
        end = i
        # A run of items, perhaps with a short subheading between them ("Olympians caught doping:").
        while end + 1 < len(lines) and (item(lines[end + 1]) or (
                lines[end + 1].reason == _FRAGMENT and end + 2 < len(lines) and item(lines[end + 2]))):
            end += 1
        # A list the story announces ("Following is the list …:", "Olympians caught doping:") may end it.
        announced = any(line.text.rstrip().endswith(":") for line in lines[max(0, i - 2):i])
        if any(prose[max(0, i - reach):i]) and (announced or any(prose[end + 1:end + 1 + reach])):
            for line in lines[i:end + 1]:
                if item(line):
                    line.reason = None
        i = end + 1


def _keep_questions(lines: list[Line], prose: list[bool]) -> None:
    """Questions the story asks ("Why does it matter?"): 3+ words, prose after them and before them (or
    the story opens with them), and in a story with subheadings only a question that refers back."""
    def inside(i: int) -> bool:
        return any(prose[max(0, i - 2):i]) and any(prose[i + 1:i + 3])

    # A story with subheadings ("Some harsh reality for the US") may ask its subheadings too.
    subheadings = any(line.reason == _FRAGMENT and inside(i) and not line.text.rstrip(CLOSE_QUOTES + " ").endswith(tuple(TERMINAL))
                      for i, line in enumerate(lines))
    for i, line in enumerate(lines):
        if line.reason != _FRAGMENT or not line.text.rstrip(CLOSE_QUOTES + " ").endswith("?") or line.words < 3:
            continue
        refers_back = not subheadings or _REFERS_BACK.search(line.text) or line.text.startswith("Q:")
        placed = any(prose[i + 1:i + 3]) and (any(prose[max(0, i - 2):i]) or not any(prose[:i]))  # may open the story
        if refers_back and not re.search(r"\s[-–—]\s", line.text) and placed:
            line.reason = None


# A question in running text refers back to it ("Where does this leave Pippig?", "Is it too much?");
# a subheading stands alone and names its subject ("What did Xi and Blinken discuss?"), often around a
# dash ("Blinken and Xi - a meeting that represents progress?").
_REFERS_BACK = re.compile(r"\b(?i:it|its|this|that|these|those|he|she|him|her|they|them|their|themselves|itself|himself|herself|you|your|we|our|such|so|again)\b|\bus\b")


_REPORTED_SPEECH = re.compile(r"\b(?:says|said|asks|asked|adds|added|told)\b")


def _mark_testimonials(lines: list[Line]) -> None:
    """Publisher testimonials: quoted paragraphs each followed by "Name, Role". Two or more make a block."""
    pairs = [
        i for i in range(len(lines) - 1)
        if _is_whole_quote(lines[i].text) and _looks_like_attribution(lines[i + 1].text)
        and not _REPORTED_SPEECH.search(lines[i].text)  # "``…,'' Mayer says." is reporting, not a blurb
    ]
    if len(pairs) < 2:
        return
    for i in pairs:
        lines[i].reason = lines[i + 1].reason = "testimonial"
        # A role that wraps onto a second line ("University Lecturer in Politics," / "Deputy Director …").
        if lines[i + 1].text.endswith(",") and i + 2 < len(lines) and not is_prose(lines[i + 2]):
            lines[i + 2].reason = "testimonial"


def _mark_duplicates(lines: list[Line]) -> None:
    """The same paragraph twice (a lede repeated as the first paragraph, a caption under its photo)."""
    seen: set[str] = set()
    for line in lines:
        key = _key(line.text)
        if not key:
            line.reason = line.reason or "empty"
            continue
        if key in seen and line.reason is None:
            line.reason = "repeated paragraph"
        seen.add(key)


def _cut_footer(lines: list[Line]) -> None:
    """From a footer rule on, drop the rest when little prose follows (an appeal, a widget, a blurb)."""
    body_words = sum(line.words for line in lines if line.reason is None)
    for i, line in enumerate(lines):
        if line.reason not in FOOTER_RULES or i < len(lines) // 2:
            continue
        after = sum(rest.words for rest in lines[i + 1:] if rest.reason is None)
        if after <= 0.15 * body_words:
            for rest in lines[i + 1:]:
                rest.reason = rest.reason or "footer"
            return


def _mark_repeated_across(documents: list[Cleaned]) -> None:
    """Short lines printed by two or more documents are site furniture, not reporting."""
    counts: Counter[str] = Counter()
    for document in documents:
        counts.update({_key(line.text) for line in document.lines if line.words <= 12})
    for document in documents:
        for line in document.lines:
            if line.reason is None and line.words <= 12 and counts[_key(line.text)] >= 2:
                line.reason = "repeated across sources"


COPY_CONTAINED = 0.95  # share of a document's word trigrams another holds for it to be a copy of that one
_COMMON_TRIGRAM = 20  # a trigram in more documents than this ("one of the") tells no copy apart


def _copies(documents: list[Cleaned]) -> dict[int, int]:
    """Documents another one holds whole, each mapped to the one kept: the same text (however many times
    it is given), or nearly every word trigram of the shorter found in a longer one — counting only
    trigrams few documents share, so a site's footer neither makes two articles copies nor hides a copy.
    Longest first, so a document is only ever a copy of one that is kept. An inverted index keeps 1,000
    articles fast."""
    texts = [" ".join(re.findall(r"\w+", " ".join(line.text for line in document.body).lower())) for document in documents]
    trigrams = []
    for text in texts:
        words = text.split()
        trigrams.append(set(zip(words, words[1:], words[2:])))
    holders: dict[tuple, list[int]] = {}
    for i, grams in enumerate(trigrams):
        for gram in grams:
            holders.setdefault(gram, []).append(i)
    copies: dict[int, int] = {}
    kept: dict[str, int] = {}  # text -> the document kept with it
    kept_ids: set[int] = set()
    for i in sorted(range(len(documents)), key=lambda k: (-len(trigrams[k]), k)):
        if not texts[i]:
            continue  # nothing left after cleaning: skipped for that, not as a copy
        if texts[i] in kept:
            copies[i] = kept[texts[i]]
            continue
        rare = [gram for gram in trigrams[i] if len(holders[gram]) <= _COMMON_TRIGRAM]
        if len(rare) >= 10:  # fewer: too short to tell a copy from a shared sentence
            shared = Counter(j for gram in rare for j in holders[gram] if j in kept_ids)
            for j, n in shared.most_common(1):
                if n >= COPY_CONTAINED * len(rare):
                    copies[i] = j
        if i not in copies:
            kept[texts[i]] = i
            kept_ids.add(i)
    return copies


def ingest(documents: list[Document]) -> list[Source]:
    """Clean every document; numbered Sources, each with at least one body paragraph."""
    return ingest_report(documents)[0]


def ingest_report(documents: list[Document]) -> tuple[list[Source], list[Skipped]]:
    """Sources as `ingest` makes them, and the inputs that gave none with the reason (for the Sources list)."""
    from .progress import step

    # ~3 ms an article here: a bar from 500 articles (~2 s) on
    with step("Cleaning articles", len(documents), show_above=500) as advance:
        cleaned = []
        for document in documents:
            cleaned.append(clean_document(document))
            advance(1)
    # The same article given twice (or a shorter version of one given too) is one source: two copies are
    # no corroboration, and their shared short lines would read as site furniture.
    copies = _copies(cleaned) if len(cleaned) > 1 else {}
    if len(cleaned) > 1:
        _mark_repeated_across([document for i, document in enumerate(cleaned) if i not in copies])
    sources: list[Source] = []
    skipped: list[Skipped] = []
    for i, (given, document) in enumerate(zip(documents, cleaned)):
        if i in copies:
            log.warning("skipping %s: the same article as %s", document.path, cleaned[copies[i]].path)
            skipped.append(Skipped(document.path, f"the same article as `{cleaned[copies[i]].path}`"))
            continue
        _keep_something(document)
        body = tuple(line.text for line in document.body)
        if not body:
            log.warning("skipping %s: nothing is left after removing page chrome", document.path)
            skipped.append(Skipped(document.path, "nothing is left after removing page chrome"))
            continue
        sources.append(
            Source(
                id=len(sources) + 1,
                name=given.outlet or document.outlet or _name_from_path(given.path),
                title=document.title.removesuffix(FIRST_WORDS),
                headline=bool(document.title) and not document.title.endswith(FIRST_WORDS),
                opinion=bool(_OPINION_LABEL.match(document.title or "")),
                path=document.path,
                paragraphs=body,
                removed=tuple(f"{line.reason}: {line.raw}" for line in document.lines if line.reason),
                url=given.url,
                date=given.date,
                leaning=given.leaning,
                author=given.author,
            )
        )
    if not sources:
        raise InputError("nothing is left after cleaning: the input holds no article text (only headings, links or page chrome)")
    return sources, skipped


def _keep_something(document: Cleaned) -> None:
    """A one-paragraph article is not chrome: when the rules took every line, the prose-shaped lines that
    only shape or repetition ruled out (not a chrome pattern) are kept. The headline stays the headline."""
    if document.body:
        return
    soft = {_FRAGMENT, "repeated across sources", "footer"}
    rescued = [line for line in document.lines if line.reason in soft and line.words >= 8]
    for line in rescued:
        line.reason = None


def _name_from_path(path: str) -> str:
    return "stdin" if path == "-" else Path(path).stem
