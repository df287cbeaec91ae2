from pathlib import Path

import pytest

from summarize.embed import Encoder

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
# The development set is read where the project keeps it, never copied into the repository.
DEV_CLUSTERS = ROOT.parent / "shared" / "eval" / "dev" / "clusters.jsonl"


_dev_rows: dict = {}


def dev_rows() -> dict:
    """Dev clusters by id, read at test time (labelled sets store only spans and hashes of their text)."""
    import json

    if not _dev_rows:
        if not DEV_CLUSTERS.is_file():
            pytest.skip(f"the dev set is not at {DEV_CLUSTERS}")
        _dev_rows.update((row["id"], row) for row in map(json.loads, DEV_CLUSTERS.read_text(encoding="utf-8").splitlines()))
    return _dev_rows


def dev_text(cluster: str, span: dict) -> str:
    """The text a labelled span points at, checked against its hash."""
    import hashlib

    document = dev_rows()[cluster]["documents"][span["doc"]]
    text = document["title"] if span.get("start", 0) < 0 else document["text"][span["start"]:span["end"]]
    assert hashlib.sha1(text.encode()).hexdigest()[:12] == span["sha1"], f"{cluster}: the dev text changed"
    return text


@pytest.fixture(scope="session", autouse=True)
def isolated_cache(tmp_path_factory):
    """No test reads or writes the user's cache; the run shares one (the model is converted once)."""
    import os

    saved = os.environ.get("SUMMARIZE_CACHE")
    os.environ["SUMMARIZE_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if saved is None:
        os.environ.pop("SUMMARIZE_CACHE", None)
    else:
        os.environ["SUMMARIZE_CACHE"] = saved


@pytest.fixture(scope="session", autouse=True)
def converted_model(isolated_cache):
    """The packaged SmolLM2 converted once for the run, so no test sees the one-time conversion message."""
    from summarize.lm import convert_gguf, converted_dir

    if not (converted_dir() / "config.json").exists():
        convert_gguf()
    return converted_dir()


@pytest.fixture(scope="session")
def encoder() -> Encoder:
    """The real packaged MiniLM, loaded once per test run."""
    return Encoder()


@pytest.fixture(scope="session")
def seeds_brief(encoder):
    import summarize

    return summarize.brief([SEEDS], words=200, encoder=encoder)
