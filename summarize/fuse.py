"""Fusion beyond names: word-graph fusion (`--fusion aggressive`) and audited rewrites (`--propose`).

Both make sentences no outlet wrote, so both are risky. Measured on the seeds (DESIGN.md §5), the
word-graph fusion of Filippova (2010) gave fine sentences for only 35 % of the top candidates that
passed cheap checks; 43 % were garbled and 22 % unfaithful. So neither is on by default, and what
they make is only a *candidate*: `edit.realise` verifies it against its base sentence like any edit,
cites only outlets whose own sentence states it (including every outlet whose words were spliced in),
and lets the abstractive model veto wordings that read worse than the source. `as_candidate` turns
any new sentence into a base sentence plus visible edits, each added span tied to the outlet that
wrote it; a sentence with words that no outlet of the group wrote is refused outright.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from typing import TYPE_CHECKING

from .attribute import STOPWORDS
from .edit import Candidate
from .types import Edit, count_words

if TYPE_CHECKING:
    import networkx as nx

# Numbers whole ("1,000", "3.5"), words with their apostrophes, hyphens and inner dots ("U.S"), marks.
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:[’'.-]\w+)*|[^\w\s]")
_START, _END = "<s>", "</s>"


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _with_gaps(text: str) -> list[tuple[str, str]]:
    """Each token with the spacing that follows it, so a path through the graph keeps the outlets' typography."""
    matches = list(_TOKEN.finditer(text))
    return [(m.group(0), text[m.end(): matches[i + 1].start()] if i + 1 < len(matches) else "")
            for i, m in enumerate(matches)]


# ---------------------------------------------------------------- word-graph fusion (Filippova 2010)

def word_graph(texts: list[str]) -> nx.DiGraph:
    """One node per word type in context: a word joins an existing node of the same lowercase form
    that this sentence has not used yet (a content word always, the one sharing the most neighbours;
    a stopword or mark only when it shares a neighbour, so "the" does not glue unrelated phrases)."""
    import networkx as nx  # ~0.15 s to import: only when fusing (--fusion aggressive)

    graph = nx.DiGraph()
    graph.add_node(_START, key=_START, freq=len(texts), positions={})
    graph.add_node(_END, key=_END, freq=len(texts), positions={})
    by_key: dict[str, list[int]] = defaultdict(list)
    next_id = 0
    for s, text in enumerate(texts):
        spaced = _with_gaps(text)
        words = [word for word, _ in spaced]
        used: set[int] = set()
        path = [_START]
        for i, word in enumerate(words):
            key = word.lower()
            before = words[i - 1].lower() if i else _START
            after = words[i + 1].lower() if i + 1 < len(words) else _END
            best, best_overlap = None, -1
            for node in by_key[key]:
                if node in used:
                    continue
                context = graph.nodes[node]["context"]
                overlap = (before in context) + (after in context)
                if overlap > best_overlap:
                    best, best_overlap = node, overlap
            weak = key in STOPWORDS or not any(ch.isalnum() for ch in key)
            if best is None or (weak and best_overlap == 0):
                best = next_id
                next_id += 1
                graph.add_node(best, key=key, word=word, freq=0, positions={}, context=set())
                by_key[key].append(best)
            node = graph.nodes[best]
            if i and node.get("initial"):
                node["word"], node["initial"] = word, False  # "the", not the "The" that opened a sentence
            elif node["freq"] == 0:
                node["initial"] = i == 0
            node["freq"] += 1
            node["positions"][s] = i + 1
            node["context"].update((before, after))
            used.add(best)
            path.append(best)
        graph.nodes[_START]["positions"][s] = 0
        graph.nodes[_END]["positions"][s] = len(words) + 1
        path.append(_END)
        gaps = ["", *(gap for _, gap in spaced[:-1]), ""]  # before the first word, between words, after the last
        for a, b, gap in zip(path, path[1:], gaps):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, gap=gap)  # the spacing the first outlet put between the two words
    for a, b in graph.edges:
        # Filippova's weight: frequent words, often adjacent, make cheap edges.
        na, nb = graph.nodes[a], graph.nodes[b]
        closeness = sum(1.0 / (nb["positions"][s] - na["positions"][s])
                        for s in na["positions"].keys() & nb["positions"].keys()
                        if nb["positions"][s] > na["positions"][s])
        weight = (na["freq"] + nb["freq"]) / max(closeness, 1e-9)
        graph.edges[a, b]["weight"] = weight / (na["freq"] * nb["freq"])
    return graph


def fuse(texts: list[str], max_words: int, limit: int = 5, paths: int = 200) -> list[str]:
    """Up to `limit` new sentences through the word graph of `texts`, cheapest per word first.

    A path is kept when it is a whole sentence (ends in . ! or ?), has 8 to `max_words` words,
    balanced quotation marks, dashes and brackets, is not one of the inputs, and every three
    consecutive words of it are three consecutive words of some input. The last rule is ours, not
    Filippova's: a splice only where two outlets share two words in a row. It removes splices like
    "Although Blinken said … but was rebuffed" (seeds); "Secretary of State visit to China on June 18"
    passes it, and only the model's verdict (a fusion must read at least as well as its base
    sentence) keeps it out of the brief.
    """
    import networkx as nx

    sentences = [tokens(text) for text in texts]
    graph = word_graph(texts)
    originals = {" ".join(text.lower().split()) for text in texts}
    trigrams = {tuple(w.lower() for w in words[i:i + 3]) for words in sentences for i in range(len(words) - 2)}
    found: list[tuple[float, str]] = []
    seen: set[str] = set()
    try:
        for count, path in enumerate(nx.shortest_simple_paths(graph, _START, _END, weight="weight")):
            if count >= paths:
                break
            words = [graph.nodes[node]["word"] for node in path[1:-1]]
            text = "".join(graph.nodes[a]["word"] + graph.edges[a, b]["gap"] for a, b in zip(path[1:-1], path[2:]))
            if " ".join(text.lower().split()) in originals or text in seen or not words or words[-1] not in (".", "!", "?"):
                continue
            n = count_words(text)
            if not 8 <= n <= max_words or text.count("“") != text.count("”") or text.count('"') % 2 \
                    or text.count("—") % 2 or text.count("(") != text.count(")"):
                continue  # a quotation or an aside cut open
            if any(tuple(w.lower() for w in words[i:i + 3]) not in trigrams for i in range(len(words) - 2)):
                continue
            seen.add(text)
            cost = sum(graph.edges[a, b]["weight"] for a, b in zip(path, path[1:]))
            found.append((cost / n, text[0].upper() + text[1:]))
    except nx.NetworkXNoPath:
        return []
    return [text for _, text in sorted(found)[:limit]]


# ---------------------------------------------------------------- a new sentence as a base plus edits

def as_candidate(text: str, group: dict[int, str], reason: str) -> Candidate | None:
    """`text` as edits of the group sentence it shares the most words with (by source id).

    Every inserted or replacing span must be written, word for word, by an outlet of the group: the
    edit names that outlet. None when some span comes from no outlet (a model's invention).
    """
    lowered = {source: [w.lower() for w in tokens(other)] for source, other in group.items()}
    new_at = _offsets(text)
    new = [text[start:end].lower() for start, end in new_at]
    base_source = max(group, key=lambda source: (_overlap(new, lowered[source]), -source))
    base_text = group[base_source]
    old_at = _offsets(base_text)
    edits: list[Edit] = []
    matcher = difflib.SequenceMatcher(a=lowered[base_source], b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        removed = base_text[old_at[a1][0]: old_at[a2 - 1][1]] if a2 > a1 else ""
        added = text[new_at[b1][0]: new_at[b2 - 1][1]] if b2 > b1 else ""
        if op == "delete":
            edits.append(Edit("delete", removed, reason=reason))
            continue
        source = _writer(new[b1:b2], lowered, base_source)
        if source is None:
            return None
        if op == "insert":
            edits.append(Edit("add", added, reason=reason, source=source))
        else:
            edits.append(Edit("replace", removed, added, reason=reason, source=source))
    return Candidate(text, base_source, base_text, edits)


def _offsets(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def _overlap(a: list[str], b: list[str]) -> int:
    """How many tokens two lowercased token lists share, in order."""
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def _writer(span: list[str], lowered: dict[int, list[str]], base_source: int) -> int | None:
    """The outlet whose sentence holds the lowercased `span` word for word (another outlet first), else None."""
    wanted = f" {' '.join(span)} "
    for source in sorted(lowered, key=lambda source: (source == base_source, source)):
        if wanted in f" {' '.join(lowered[source])} ":
            return source
    return None
