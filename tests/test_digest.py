"""`summarize digest`: a folder of several stories → one brief per story, an index, in parallel."""

import json

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.digest import digest

from .conftest import DATA

FEED = DATA / "digest"  # three outlets on a bridge repair, two on a storm, one on an apple harvest


def _files(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory):
    folder = tmp_path_factory.mktemp("digest-1")
    return digest([FEED], folder, words=120, workers=1), folder


def test_two_stories_get_briefs_and_the_unrelated_article_none(one_worker):
    result, folder = one_worker
    assert [len(story.outlets) for story in result.stories] == [3, 2]  # most outlets first
    bridge, storm = result.stories
    assert all("bridge" in path for path in bridge.articles) and all("storm" in path for path in storm.articles)
    assert result.unclustered == (str(FEED / "orchard-journal.md"),)
    assert sorted(_files(folder)) == sorted([bridge.brief_file, storm.brief_file, "index.md", "index.json"])
    text = (folder / bridge.brief_file).read_text(encoding="utf-8")
    assert "Mill Street Bridge" in text and "[1][2][3]" in text and "apple" not in text.lower()
    assert "Riverside Herald" in text


def test_index_files_list_stories_by_outlets_and_the_articles_in_none(one_worker):
    result, folder = one_worker
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert [story["brief_file"] for story in index["stories"]] == [s.brief_file for s in result.stories]
    assert index["stories"][0]["outlets"] == ["Riverside Herald", "Riverside Post", "Valley Times"]
    assert index["unclustered"] == [str(FEED / "orchard-journal.md")]
    markdown = (folder / "index.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Digest: 2 stories")
    assert f"[{result.stories[0].brief_file}]({result.stories[0].brief_file})" in markdown
    assert "orchard-journal.md" in markdown.split("Articles in no story")[1]


def test_two_workers_write_the_same_files_byte_for_byte(one_worker, tmp_path):
    _, folder = one_worker
    digest([FEED], tmp_path, words=120, workers=2)
    assert _files(tmp_path) == _files(folder)


def test_ray_on_a_local_instance_writes_the_same_files(one_worker, tmp_path):
    pytest.importorskip("ray", reason="the ray extra is not installed")
    _, folder = one_worker
    digest([FEED], tmp_path, words=120, workers=2, ray="")  # "" = start a local instance for the run
    assert _files(tmp_path) == _files(folder)
    import ray

    assert not ray.is_initialized()  # the instance it started is stopped again


def test_cli_never_overwrites_a_digest_without_force(tmp_path):
    runner = CliRunner()
    first = runner.invoke(cli, ["digest", str(FEED), "-o", str(tmp_path), "--workers", "1", "--words", "80"])
    assert first.exit_code == 0, first.output
    before = _files(tmp_path)
    (tmp_path / "index.md").write_text("my notes", encoding="utf-8")
    again = runner.invoke(cli, ["digest", str(FEED), "-o", str(tmp_path), "--workers", "1", "--words", "80"])
    assert again.exit_code == 1
    assert "already exists" in again.output and "--force" in again.output and "Traceback" not in again.output
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "my notes"  # nothing was touched
    forced = runner.invoke(cli, ["digest", str(FEED), "-o", str(tmp_path), "--workers", "1", "--words", "80", "--force"])
    assert forced.exit_code == 0 and _files(tmp_path) == before


def test_two_articles_near_the_same_articles_share_their_neighbours():
    import numpy as np

    from summarize.digest import shared_neighbours

    similarity = np.array([[1.0, 0.9, 0.8, 0.1], [0.9, 1.0, 0.85, 0.1], [0.8, 0.85, 1.0, 0.2], [0.1, 0.1, 0.2, 1.0]])
    shared = shared_neighbours(similarity, 1)  # each article and its nearest one
    assert shared[0, 1] == 1.0 and shared[2, 3] == 0.5 and shared[0, 3] == 0.0
    assert np.allclose(shared, shared.T) and np.all(np.diag(shared) == 1.0)
