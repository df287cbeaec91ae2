from pathlib import Path

import pytest

from summarize.embed import Encoder

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


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
