"""A day's feed → stories → a brief for each: `summarize digest INPUTS -o DIR`.

Articles are grouped into stories by the words they share: TF-IDF vectors of headline and cleaned text
(document frequencies over the input plus a background of news articles; words most articles use are
left out: they are every day's, not a story's), agglomerative
clustering with average linkage over the cosine distance mixed with shared nearest neighbours
(scikit-learn). On a shuffled mix of the dev set's 135 clusters (ARI 0.911) this beat cosine alone
(0.887), MiniLM vectors of headline and lead (0.71 at best), MiniLM centroids of whole articles (0.78),
mixtures of both (≤ 0.85), HDBSCAN, modularity and correlation clustering: `bench/bench_digest.py
--sweep`, bench/RESULTS.md.

Every story that at least `min_sources` outlets cover gets a brief, made exactly as `summarize brief`
makes one of its articles. Briefs are independent jobs: in this process (`workers=1`), in worker
processes that load the models once each (`workers=N`), or as Ray tasks on actors that do the same
(`ray=ADDRESS`, the optional `summarize[ray]` extra). Jobs and their results are ordered, so the files
are the same byte for byte whichever way they ran.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from .config import DEFAULTS, Settings
from .errors import InputError
from .executor import run_all
from .types import Document

log = logging.getLogger(__name__)

# Distance under which two groups of articles join (average linkage). The distance mixes the TF-IDF cosine
# distance with how few nearest neighbours two articles share (Jarvis & Patrick's shared-nearest-neighbour
# similarity): two articles of one story are near the same other articles, two stories that share a few
# words are not. On the dev mix (bench/bench_digest.py --sweep) the adjusted Rand index stays 0.89–0.91
# for distances 0.875–0.905 (cosine alone: 0.83–0.89, and only around 0.93), better on DUC topics and on
# Multi-News/NeuS stories alike.
STORY_DISTANCE = 0.885
NEIGHBOURS = 15  # the neighbourhood compared (10: ARI ≤ 0.90; 20: 0.89–0.90)
NEIGHBOUR_WEIGHT = 0.1  # its share of the distance (0.15: 0.88–0.91, less even)
# A word in more than this share of the articles (background included: > ~160 of 8,000) is every
# day's news, not one story's. Swept on the dev mix with the distance: 0.01 → ARI 0.890, 0.02 → 0.887,
# 0.05 → 0.867, 0.1 → 0.838.
DAY_WORDS = 0.02


@dataclass(frozen=True)
class Story:
    title: str
    articles: tuple[str, ...]  # paths, in input order
    outlets: tuple[str, ...]
    brief_file: str  # relative to the digest folder


@dataclass(frozen=True)
class Digest:
    stories: tuple[Story, ...]
    unclustered: tuple[str, ...]  # articles in no story of `min_sources` outlets
    skipped: tuple[str, ...]  # inputs with nothing left after cleaning


def story_texts(documents: list[Document]) -> tuple[list[str], list[str], list[Document], list[str]]:
    """For each usable article its headline and cleaned text, its outlet and its document; and the paths
    of the inputs cleaning left nothing of."""
    from .ingest import ingest_report

    sources, _ = ingest_report(documents)
    used = {source.path for source in sources}
    texts = [f"{source.title}. {source.text}" if source.headline else source.text for source in sources]
    kept = [document for document in documents if document.path in used]
    return texts, [source.name for source in sources], kept, [d.path for d in documents if d.path not in used]


BACKGROUND = Path(__file__).parent / "data" / "news_df.json"  # training/make_background_df.py


def analyzer():
    """Words as the story vectors count them: lowercase, scikit-learn's English stop words out."""
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(stop_words="english").build_analyzer()


def story_vectors(texts: list[str]):
    """Sparse TF-IDF rows, unit length: shared rare words are what ties two articles to one story.

    Document frequencies are the input's plus a background of 7,356 news articles (NeuS train), so a
    digest of six articles knows "said", "million" and "spring" are every day's words, as one of
    hundreds does; a word in more than `DAY_WORDS` of all those articles is left out."""
    from scipy import sparse
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.preprocessing import normalize

    background = json.loads(BACKGROUND.read_text(encoding="utf-8"))
    counts = CountVectorizer(analyzer=analyzer())  # the words the background was counted with
    try:
        matrix = counts.fit_transform(texts).astype(np.float64)
    except ValueError:  # nothing but stop words: every article is its own story
        return sparse.identity(len(texts), format="csr")
    vocabulary = counts.get_feature_names_out()
    documents = background["documents"] + len(texts)
    df = np.asarray((matrix > 0).sum(axis=0)).ravel() + np.array([background["df"].get(w, 0) for w in vocabulary])
    idf = np.log((1 + documents) / (1 + df)) + 1
    idf[df > DAY_WORDS * documents] = 0.0
    matrix.data = 1 + np.log(matrix.data)  # sublinear term frequency
    return normalize(matrix @ sparse.diags(idf), norm="l2")


def group_stories(vectors, distance: float = STORY_DISTANCE, neighbours: int = NEIGHBOURS,
                  weight: float = NEIGHBOUR_WEIGHT) -> list[int]:
    """A story label per article (0, 1, … in order of first appearance)."""
    count = vectors.shape[0]
    if count <= 1:
        return [0] * count
    from sklearn.cluster import AgglomerativeClustering

    dense = vectors.toarray() if hasattr(vectors, "toarray") else np.asarray(vectors)
    similarity = np.clip(dense @ dense.T, -1.0, 1.0)  # rows are unit length
    distances = (1 - weight) * (1 - similarity) + weight * (1 - shared_neighbours(similarity, neighbours))
    np.fill_diagonal(distances, 0.0)
    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                     distance_threshold=distance).fit_predict(distances)
    first_seen: dict[int, int] = {}
    return [first_seen.setdefault(int(label), len(first_seen)) for label in labels]


def shared_neighbours(similarity: np.ndarray, k: int) -> np.ndarray:
    """Share of their k nearest neighbours (each article counted among its own) two articles have in common."""
    count = len(similarity)
    k = min(k, count - 1)
    others = similarity.copy()
    np.fill_diagonal(others, -np.inf)
    nearest = np.argpartition(-others, k - 1, axis=1)[:, :k] if k > 0 else np.empty((count, 0), dtype=int)
    member = np.eye(count)
    member[np.arange(count)[:, None], nearest] = 1.0
    return (member @ member.T) / (k + 1)


def slug(title: str, limit: int = 50) -> str:
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)
    text = ""
    for word in words:
        if len(text) + len(word) + 1 > limit:
            break
        text = f"{text}-{word}" if text else word
    return text or "story"


def digest(
    inputs: Iterable[str | Path | Document],
    out_dir: str | Path,
    words: int | None = DEFAULTS.words,
    min_sources: int = 2,
    output_format: str = "md",
    workers: int = 1,
    ray: str | None = None,
    force: bool = False,
    settings: Settings = DEFAULTS,
    distance: float = STORY_DISTANCE,
) -> Digest:
    from .ingest import read_inputs

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is a file: give a folder for the digest")
    texts, outlets, articles, skipped = story_texts(read_inputs(inputs))
    if not texts:
        raise InputError("nothing is left after cleaning: the inputs hold no articles")
    paths = [article.path for article in articles]
    labels = group_stories(story_vectors(texts), distance)

    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    covered = [group for group in members.values() if len({outlets[i] for i in group}) >= min_sources]
    # Most outlets first, then most articles, then the order the articles came in.
    covered.sort(key=lambda group: (-len({outlets[i] for i in group}), -len(group), group[0]))

    jobs = [BriefJob(tuple(articles[i] for i in group), words, output_format, settings) for group in covered]
    results = list(run_all(brief_job, jobs, workers=workers, ray=ray))

    planned = []
    for number, (group, (title, text)) in enumerate(zip(covered, results), start=1):
        name = f"{number:02d}-{slug(title)}.{output_format}"
        planned.append((name, text, Story(title, tuple(paths[i] for i in group),
                                          tuple(dict.fromkeys(outlets[i] for i in group)), name)))
    in_story = {i for group in covered for i in group}
    unclustered = tuple(paths[i] for i in range(len(paths)) if i not in in_story)
    result = Digest(tuple(story for _, _, story in planned), unclustered, tuple(skipped))
    files = [(name, text) for name, text, _ in planned]
    files += [("index.md", index_markdown(result, min_sources)), ("index.json", index_json(result))]
    _write_all(out, files, force)
    return result


@dataclass(frozen=True)
class BriefJob:
    documents: tuple[Document, ...]
    words: int | None
    output_format: str
    settings: Settings


def brief_job(job: BriefJob) -> tuple[str, str]:
    """One story's brief, rendered: (title, text). Runs in whichever process or actor got the job."""
    from .pipeline import brief
    from .render import rendered

    made = brief(list(job.documents), words=job.words, settings=job.settings)
    return made.title, rendered(made, job.output_format)


def index_markdown(result: Digest, min_sources: int) -> str:
    lines = [f"# Digest: {len(result.stories)} stories", ""]
    if result.stories:
        lines += ["| # | story | outlets | articles | brief |", "|---|---|---|---|---|"]
        for number, story in enumerate(result.stories, start=1):
            title = story.title.replace("|", "\\|")
            lines.append(f"| {number} | {title} | {len(story.outlets)} ({', '.join(story.outlets)}) | "
                         f"{len(story.articles)} | [{story.brief_file}]({story.brief_file}) |")
        lines.append("")
        for number, story in enumerate(result.stories, start=1):
            lines += [f"## {number}. {story.title}", ""] + [f"- `{path}`" for path in story.articles] + [""]
    lines += [f"## Articles in no story of {min_sources} or more outlets", ""]
    lines += [f"- `{path}`" for path in result.unclustered] or ["None."]
    if result.skipped:
        lines += ["", "## Not used (nothing left after cleaning)", ""] + [f"- `{path}`" for path in result.skipped]
    return "\n".join(lines) + "\n"


def index_json(result: Digest) -> str:
    data = {"stories": [asdict(story) for story in result.stories],
            "unclustered": list(result.unclustered), "skipped": list(result.skipped)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _write_all(out: Path, files: list[tuple[str, str]], force: bool) -> None:
    """Every file or none: an existing one stops the digest before anything is written (unless --force)."""
    from .render import write_output

    existing = [name for name, _ in files if (out / name).exists()]
    if existing and not force:
        raise InputError(f"{out / existing[0]} already exists ({len(existing)} of the digest's files do): "
                         "choose another folder or add --force to replace them")
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files:
        write_output(text, out / name, force=True)

