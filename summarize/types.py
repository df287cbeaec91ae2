"""The records that flow one way through the pipeline: Document → Source → Sentence → Claim → Brief."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_FILE_STEM = re.compile(r"^[\w.-]*(?:\d|_)[\w.-]*$")  # a name with a digit or underscore came from a file


@dataclass(frozen=True)
class Document:
    """One raw input as read: a file, or standard input (path "-")."""

    path: str
    text: str
    is_html: bool = False
    title: str | None = None  # the headline when it comes as metadata (a feed, a data set), not in the text
    # Metadata the user gives (front matter, a feed, a sources file; metadata.py), never guessed.
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    leaning: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Source:
    """One cleaned input, numbered as it is cited: `[id]`."""

    id: int
    name: str  # the outlet when the text names it, else the file name
    title: str
    path: str
    paragraphs: tuple[str, ...]  # body paragraphs left after cleaning, in order
    removed: tuple[str, ...] = field(default=(), repr=False)  # lines cleaned away, for audits and tests
    headline: bool = True  # the title is the article's headline, not its first words standing in for one
    opinion: bool = False  # the outlet labels the piece opinion ("OPINION: …", "Op-Ed", "Editorial", "Commentary")
    url: str | None = None
    date: str | None = None
    leaning: str | None = None  # as the user calls it ("left", "centre-right"); never rated by us
    author: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def named(self) -> bool:
        """Whether `name` is an outlet's name rather than a file name such as "001_2e7a73a2"."""
        return not _FILE_STEM.match(self.name)

    @property
    def label(self) -> str:
        """How the brief refers to it: the outlet's name, else "Source 2"."""
        return self.name if self.named else f"Source {self.id}"

    @property
    def words(self) -> int:
        return sum(count_words(p) for p in self.paragraphs)


@dataclass(frozen=True)
class Sentence:
    """One sentence of one source; `index` is its position in the pool of all sentences."""

    index: int
    source_id: int
    paragraph: int
    position: float  # where it stands in its source, 0.0 (lede) to 1.0 (end)
    text: str
    spans: int = 1  # 2 for evidence made of this sentence and the next one of its source


    @property
    def words(self) -> int:
        return count_words(self.text)


@dataclass(frozen=True)
class Evidence:
    """The sentence of one source that states a claim."""

    source: int
    text: str
    similarity: float = 1.0


@dataclass(frozen=True)
class Edit:
    """One visible change from what an outlet wrote."""

    type: str  # "delete" | "replace" | "add"
    text: str  # the span deleted, replaced or added
    replacement: str = ""  # for "replace": what stands there now
    reason: str = ""  # the lexicon entry or rule that made the change
    source: int | None = None  # for "add": the source the added words come from


@dataclass(frozen=True)
class Claim:
    text: str
    sources: tuple[int, ...]
    evidence: tuple[Evidence, ...]
    kind: str = "extracted"  # "extracted" | "compressed" | "fused"
    section: str = "summary"  # "summary" | "differences"
    score: float = 0.0  # cross-source centrality of the sentence it came from
    edits: tuple[Edit, ...] = ()  # how the text differs from the first evidence sentence
    contrasts_with: tuple[int, ...] = ()  # sources that report this differently (another figure, or the other side)
    reported_by: tuple[int, ...] = ()  # other sources that report the same facts, in words too different to cite

    @property
    def words(self) -> int:
        return count_words(self.text)


@dataclass(frozen=True)
class Stats:
    words: int
    source_words: int
    compression: float  # brief words / source words
    seconds: float


@dataclass(frozen=True)
class Skipped:
    """An input that gave no source, and why: the brief lists it so nothing vanishes silently."""

    path: str
    reason: str


@dataclass(frozen=True)
class Brief:
    title: str
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    stats: Stats
    skipped: tuple[Skipped, ...] = ()


@lru_cache(maxsize=65536)  # selection asks for the same sentences' lengths many times
def count_words(text: str) -> int:
    """Whitespace-separated tokens that hold a letter or digit (so "—" and "•" are not words)."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))
