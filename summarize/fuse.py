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

import networkx as nx

from .attribute import STOPWORDS
from .edit import Candidate
from .types import Edit, count_words

# Numbers whole ("1,000", "3.5"), words with their apostrophes, hyphens and inner dots ("U.S"), marks.
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:[’'.-]\w+)*|[^\w\s]")
_NO_SPACE_BEFORE = frozenset(",.;:!?)”’%")
_NO_SPACE_AFTER = frozenset("(“$")
_START, _END = "<s>", "</s>"


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def detokenize(words: list[str]) -> str:
    out = ""
    for word in words:
        if out and word not in _NO_SPACE_BEFORE and out[-1] not in _NO_SPACE_AFTER:
            out += " "
        out += word
    return out


# ---------------------------------------------------------------- word-graph fusion (Filippova 2010)

def word_graph(sentences: list[list[str]]) -> nx.DiGraph:
    """One node per word type in context: a word joins an existing node of the same lowercase form
    that this sentence has not used yet (a content word always, the one sharing the most neighbours;
    a stopword or mark only when it shares a neighbour, so "the" does not glue unrelated phrases)."""
    graph = nx.DiGraph()
    graph.add_node(_START, key=_START, freq=len(sentences), positions={})
    graph.add_node(_END, key=_END, freq=len(sentences), positions={})
    by_key: dict[str, list[int]] = defaultdict(list)
    next_id = 0
    for s, words in enumerate(sentences):
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
            node["freq"] += 1
            node["positions"][s] = i + 1
            node["context"].update((before, after))
            used.add(best)
            path.append(best)
        graph.nodes[_START]["positions"][s] = 0
        graph.nodes[_END]["positions"][s] = len(words) + 1
        path.append(_END)
        for a, b in zip(path, path[1:]):
            graph.add_edge(a, b)
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
    balanced quotation marks, is not one of the inputs, and every three consecutive words of it are
    three consecutive words of some input. The last rule is ours, not Filippova's: a splice only where
    two outlets share two words in a row. On the seeds it removes the garbled splices ("Secretary of
    State visit to China", "Although Blinken said … but was rebuffed") that both the verifier and the
    fluency check let through.
    """
    sentences = [tokens(text) for text in texts]
    graph = word_graph(sentences)
    originals = {detokenize(words).lower() for words in sentences}
    trigrams = {tuple(w.lower() for w in words[i:i + 3]) for words in sentences for i in range(len(words) - 2)}
    found: list[tuple[float, str]] = []
    seen: set[str] = set()
    try:
        for count, path in enumerate(nx.shortest_simple_paths(graph, _START, _END, weight="weight")):
            if count >= paths:
                break
            words = [graph.nodes[node]["word"] for node in path[1:-1]]
            text = detokenize(words)
            if text.lower() in originals or text in seen or not words or words[-1] not in (".", "!", "?"):
                continue
            n = count_words(text)
            if not 8 <= n <= max_words or text.count("“") != text.count("”") or text.count('"') % 2:
                continue
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
    new = tokens(text)
    base_source, base_text = max(group.items(), key=lambda item: (_overlap(new, tokens(item[1])), -item[0]))
    old = tokens(base_text)
    edits: list[Edit] = []
    matcher = difflib.SequenceMatcher(a=[w.lower() for w in old], b=[w.lower() for w in new], autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        removed, added = detokenize(old[a1:a2]), detokenize(new[b1:b2])
        if op == "delete":
            edits.append(Edit("delete", removed, reason=reason))
            continue
        source = _writer(new[b1:b2], group, base_source)
        if source is None:
            return None
        if op == "insert":
            edits.append(Edit("add", added, reason=reason, source=source))
        else:
            edits.append(Edit("replace", removed, added, reason=reason, source=source))
    return Candidate(text, base_source, base_text, edits)


def _overlap(a: list[str], b: list[str]) -> int:
    matcher = difflib.SequenceMatcher(a=[w.lower() for w in a], b=[w.lower() for w in b], autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def _writer(span: list[str], group: dict[int, str], base_source: int) -> int | None:
    """The outlet whose sentence holds `span` word for word (another outlet first), else None."""
    wanted = " ".join(w.lower() for w in span)
    for source, text in sorted(group.items(), key=lambda item: (item[0] == base_source, item[0])):
        if f" {wanted} " in " " + " ".join(w.lower() for w in tokens(text)) + " ":
            return source
    return None

