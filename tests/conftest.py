from pathlib import Path

import pytest

from summarize.embed import Encoder

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    """No test reads or writes the user's cache."""
    monkeypatch.setenv("SUMMARIZE_CACHE", str(tmp_path / "cache"))


@pytest.fixture(scope="session")
def encoder() -> Encoder:
    """The real packaged MiniLM, loaded once per test run."""
    return Encoder()


@pytest.fixture(scope="session")
def seeds_brief(encoder):
    import summarize

    return summarize.brief([SEEDS], words=200, encoder=encoder)
