"""The command as a user runs it: files, folders, stdin, output files and mistakes."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from summarize import __version__
from summarize.cli import cli

from .conftest import ROOT, SEEDS

SEED = sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def run():
    def invoke(*args, input=None):
        return CliRunner().invoke(cli, list(map(str, args)), input=input)

    return invoke


@pytest.mark.parametrize(
    "how",
    ["folder", "files", "stdin"],
)
def test_brief_from_folder_files_or_stdin(run, how):
    if how == "folder":
        result = run("brief", SEEDS)
    elif how == "files":
        result = run("brief", *SEED)
    else:
        result = run("brief", "-", *SEED[1:], input=SEED[0].read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# ")
    assert "## Sources" in result.stdout
    assert "(`-`," in result.stdout if how == "stdin" else "(`" in result.stdout
    assert result.stderr == ""


def test_json_format_with_word_budget(run):
    result = run("brief", SEED[1], SEED[3], "--words", 120, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["stats"]["words"] <= 120
    assert [s["path"] for s in data["sources"]] == [str(SEED[1]), str(SEED[3])]


def test_output_file_is_written_and_never_overwritten_without_force(run, tmp_path):
    target = tmp_path / "brief.md"
    first = run("brief", SEEDS, "-o", target, "--sentences", 3)
    assert first.exit_code == 0, first.output
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert first.stdout == ""
    target.write_text("my notes", encoding="utf-8")
    refused = run("brief", SEEDS, "-o", target)
    assert refused.exit_code == 1
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "my notes"
    # Said before any work: not after reading (here: failing to read) the inputs.
    before = run("brief", tmp_path / "no-such-folder", "-o", target)
    assert before.exit_code == 1 and "already exists" in before.stderr
    forced = run("brief", SEEDS, "-o", target, "--force", "--sentences", 3)
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize(
    "args, message, code",
    [
        (["brief", "missing.txt"], "no such file or folder: missing.txt", 1),
        (["brief"], "Missing argument", 2),
        (["brief", "SEEDS", "--words", "0"], "Invalid value for '--words'", 2),
        (["brief", "SEEDS", "--format", "pdf"], "Invalid value for '--format'", 2),
    ],
)
def test_mistakes_get_one_clear_line_and_no_traceback(run, args, message, code):
    result = run(*[str(SEEDS) if a == "SEEDS" else a for a in args])
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_empty_and_chrome_only_inputs(run, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run("brief", empty)
    assert result.exit_code == 1
    assert "nothing is left after cleaning" in result.stderr
    chrome = tmp_path / "chrome.txt"
    chrome.write_text("Share on facebook\nShare on twitter\nSubscribe\n", encoding="utf-8")
    result = run("brief", chrome)
    assert result.exit_code == 1 and "Error:" in result.stderr
    result = run("brief", "-", input="")
    assert result.exit_code == 1 and "nothing is left after cleaning" in result.stderr


def test_version_and_help(run):
    assert run("--version").stdout.strip() == f"summarize, version {__version__}"
    help_text = run("brief", "--help").stdout
    assert "summarize brief seeds/ -o brief.md" in help_text
    assert "[default: 200" in help_text


def test_python_dash_m_runs_the_same_command():
    result = subprocess.run(
        [sys.executable, "-m", "summarize", "brief", str(SEED[3]), "--sentences", "2"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ") and "Bloomberg" in result.stdout


def test_one_source_is_summarised_not_listed_as_a_difference(run):
    story = ("The town council approved a new bridge over the river on Monday after two years of debate. "
             "Construction will start in the spring, the council said.")  # ("The mayor said" would name nobody)
    result = run("brief", "-", input=story)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# What 1 source reports")
    assert "## Summary" in result.stdout and "Where sources differ" not in result.stdout
    assert result.stdout.rstrip().endswith("; 2 claims.*")  # one source: nothing to count as cited


def test_device_cuda_without_a_gpu_is_one_line_and_exit_1(run):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    import summarize.embed as embed

    embed._shared.clear()  # a warm encoder in this process would hide the choice
    result = run("brief", SEEDS, "--device", "cuda", "--no-model")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: --device cuda: torch sees no CUDA GPU")
    assert "Traceback" not in result.output


def test_progress_bars_only_for_a_terminal(capsys):
    """A pipe or a file gets no bar (nor with -q); a terminal gets one for stages of 500+ items."""
    from summarize import progress

    progress.enable(False)
    with progress.step("Embedding sentences", 10_000) as advance:
        advance(10_000)
    assert capsys.readouterr().err == ""
    progress.enable(True)
    try:
        with progress.step("Embedding sentences", 10) as advance:  # too small to show
            advance(10)
        assert capsys.readouterr().err == ""
    finally:
        progress.enable(False)


def test_quiet_means_nothing_on_stderr_but_errors(tmp_path):
    out = tmp_path / "brief.md"
    quiet = subprocess.run([sys.executable, "-m", "summarize", "-q", "brief", str(SEEDS), "-o", str(out), "--no-model"],
                           cwd=ROOT, capture_output=True, text=True)
    assert quiet.returncode == 0 and quiet.stderr == "" and out.exists()
    again = subprocess.run([sys.executable, "-m", "summarize", "-q", "brief", str(SEEDS), "-o", str(out)],
                           cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 1 and "already exists" in again.stderr  # errors still show
