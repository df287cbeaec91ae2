"""The `summarize` command: a thin layer that parses options and calls the Python API."""

from __future__ import annotations

import logging
import sys
import time

import click

from . import __version__
from .config import DEFAULTS
from .errors import SummarizeError

FORMATS = ("md", "json", "html")
device_option = click.option("--device", type=click.Choice(("auto", "cpu", "cuda")), default="auto", show_default=True,
                             help="Where the models run: auto picks a GPU when torch sees one.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="summarize")
@click.option("-v", "--verbose", count=True, help="More messages on stderr (-vv for debugging).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def cli(verbose: int, quiet: bool) -> None:
    """Offline multi-document news briefs: what several outlets agree on, each claim citing its sources."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr, force=True)
    from . import progress

    progress.enable(not quiet and sys.stderr.isatty())  # bars only for a person watching a terminal


def _say(message: str) -> None:
    """A progress line on stderr ("wrote brief.md"), unless -q asked for errors only."""
    if logging.getLogger().level < logging.ERROR:
        click.echo(message, err=True)


def _refuse_existing(*paths: str | None, force: bool) -> None:
    """Output files that cannot be written are refused before the work (minutes, for an eval), not after."""
    from .render import check_writable

    for path in paths:
        if path not in (None, "-"):
            check_writable(path, force)


def _emit(text: str, output: str | None, force: bool) -> None:
    from .render import write_output

    if output is None or output == "-":
        click.echo(text, nl=False)
    else:
        write_output(text, output, force=force)
        _say(f"wrote {output}")


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--words", "-w", type=click.IntRange(min=1), default=DEFAULTS.words, show_default=True,
              help="Word budget of the brief.")
@click.option("--sentences", "-s", type=click.IntRange(min=1), default=None,
              help="Number of claims instead of a word budget.")
@click.option("--format", "-f", "output_format", type=click.Choice(FORMATS), default="md", show_default=True,
              help="Markdown for reading, JSON for programs, HTML: one self-contained page (citations show their evidence).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of stdout.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--show-edits", is_flag=True, help="Under each edited claim, list what changed from the source.")
@click.option("--model", type=click.Path(exists=True, file_okay=False), default=None, envvar="SUMMARIZE_MODEL",
              help="A local Hugging Face model directory to score wordings (default: the packaged SmolLM2).")
@click.option("--no-model", is_flag=True, help="Skip the abstractive model: ties go to the first outlet.")
@click.option("--extractive", is_flag=True, help="Print source sentences exactly as written, without edits.")
@click.option("--fusion", type=click.Choice(("off", "safe", "aggressive")), default="safe", show_default=True,
              help="safe: a bare name may get the full name, a full name the appositive, another outlet of the "
                   "claim prints; aggressive: "
                   "also word-graph fusion of the outlets' sentences (risky: often garbled; verified, shown "
                   "as edits); off: neither.")
@click.option("--propose", is_flag=True,
              help="Let the model also write one wording per claim (for a strong --model): kept only if "
                   "made of the outlets' words and verified; the packaged 135M model rarely manages.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for torch (results are deterministic).")
@device_option
def brief(inputs: tuple[str, ...], words: int, sentences: int | None, output_format: str,
          output: str | None, force: bool, show_edits: bool, model: str | None, no_model: bool,
          extractive: bool, fusion: str, propose: bool, seed: int, device: str) -> None:
    """Write a brief of INPUTS: files, folders of .txt/.md/.html files, or - for stdin.

    Every claim names the sources that state it ([1][3]); the Sources list maps numbers to outlets.

    \b
    Examples:
      summarize brief seeds/ -o brief.md
      summarize brief a.txt b.txt --words 120 --format json
      cat a.txt | summarize brief - b.txt
    """
    from dataclasses import replace

    from .pipeline import brief as make_brief
    from .render import rendered

    started = time.perf_counter()
    if propose and (no_model or extractive):
        raise click.UsageError("--propose needs the model and the abstractive stage (drop --no-model/--extractive)")
    settings = replace(DEFAULTS, model=model, use_model=not no_model, rewrite=not extractive, fusion=fusion,
                       propose=propose, seed=seed, device=device)
    try:
        _refuse_existing(output, force=force)
        result = make_brief(list(inputs), words=words, sentences=sentences, settings=settings)
        _emit(rendered(result, output_format, show_edits=show_edits), output, force)
    except SummarizeError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"{error.filename or ''}: {error.strerror or error}".strip(": ")) from None
    logging.getLogger(__name__).info("brief in %.2f s", time.perf_counter() - started)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", "out_dir", type=click.Path(file_okay=False), required=True,
              help="Folder for the briefs and index.md / index.json (created if missing).")
@click.option("--words", "-w", type=click.IntRange(min=1), default=DEFAULTS.words, show_default=True,
              help="Word budget of each story's brief.")
@click.option("--min-sources", type=click.IntRange(min=1), default=2, show_default=True,
              help="Brief only stories that at least this many outlets cover.")
@click.option("--format", "-f", "output_format", type=click.Choice(FORMATS), default="md", show_default=True,
              help="Format of each story's brief.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes briefing stories side by side (default: the number of cores).")
@click.option("--ray", "ray_address", is_flag=False, flag_value="", default=None, metavar="[ADDRESS]",
              help="Run the briefs as Ray tasks: on the cluster at ADDRESS, or a local Ray instance without "
                   "one (needs `pip install 'summarize[ray]'`).")
@click.option("--force", is_flag=True, help="Replace files of an earlier digest in the folder.")
@device_option
def digest(inputs: tuple[str, ...], out_dir: str, words: int, min_sources: int, output_format: str,
           workers: int | None, ray_address: str | None, force: bool, device: str) -> None:
    """Group INPUTS (files, folders, feeds, URLs) into stories and brief each one.

    Writes one brief per story that --min-sources outlets cover, plus DIR/index.md and DIR/index.json:
    stories by how many outlets cover them, and the articles in no story.

    \b
    Examples:
      summarize digest today/ -o digest/
      summarize digest feed.jsonl -o digest/ --workers 2 --format html
      summarize digest today/ -o digest/ --ray              # a local Ray instance
    """
    import os
    from dataclasses import replace

    from .digest import digest as make_digest

    settings = replace(DEFAULTS, device=device)
    try:
        result = make_digest(list(inputs), out_dir, words=words, min_sources=min_sources,
                             output_format=output_format, workers=workers or os.cpu_count() or 1,
                             ray=ray_address, force=force, settings=settings)
    except SummarizeError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"{error.filename or ''}: {error.strerror or error}".strip(": ")) from None
    alone = len(result.unclustered)
    _say(f"wrote {len(result.stories)} brief{'s' * (len(result.stories) != 1)} and index.md to {out_dir} "
         f"({alone} article{'s' * (alone != 1)} in no story)")


@cli.command("check")
@click.argument("claim")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(("md", "json", "text")), default="text",
              show_default=True, help="Plain text, or JSON for programs.")
def check_command(claim: str, inputs: tuple[str, ...], output_format: str) -> None:
    """Check CLAIM against INPUTS: which sources state it, with the evidence and every failed check.

    Exit status 0 when at least one source supports the claim, 1 when none does.

    \b
    Examples:
      summarize check "Blinken met Xi Jinping in Beijing." seeds/
      summarize check "Blinken is the first US Secretary of State to visit China in 7 years." seeds/ -f json
    """
    from .verify import check, check_to_json, check_to_text

    try:
        result = check(claim, list(inputs))
    except SummarizeError as error:
        raise click.ClickException(str(error)) from None
    click.echo(check_to_json(result) if output_format == "json" else check_to_text(result), nl=False)
    sys.exit(0 if result.supported else 1)


def _ladder(ctx, param, value: str) -> list[int]:
    from .compare import parse_ladder

    try:
        return parse_ladder(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--words", "-w", "ladder", default="50,100,200,400", show_default=True, callback=_ladder,
              help="Lengths to compare, in words, separated by commas.")
@click.option("--format", "-f", "output_format", type=click.Choice(("table", "md", "json")), default="table",
              show_default=True, help="A terminal table, Markdown, or JSON.")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), default=None,
              help="Also write a PNG of coverage and words against length.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of stdout.")
@click.option("--force", is_flag=True, help="Replace output and plot files if they exist.")
def compare(inputs: tuple[str, ...], ladder: list[int], output_format: str, plot_path: str | None,
            output: str | None, force: bool) -> None:
    """Compare briefs of INPUTS at several lengths: what each length keeps and adds.

    Each shorter brief is part of the longer ones, so the table shows what every step adds:
    words, claims, share of the sources, sources cited, coverage of the sources' central content,
    and ROUGE recall against the longest brief.

    \b
    Examples:
      summarize compare seeds/
      summarize compare seeds/ --words 60,120,240 --plot lengths.png --format md -o lengths.md
    """
    import io

    from . import compare as comparing

    try:
        _refuse_existing(output, plot_path, force=force)
        result = comparing.compare(list(inputs), ladder)
        for note in result.notes:
            click.echo(f"Note: {note}", err=True)
        if output_format == "json":
            text = comparing.to_json(result)
        elif output_format == "md":
            text = comparing.to_markdown(result)
        elif output is None:
            comparing.print_table(result)
            text = None
        else:
            buffer = io.StringIO()
            comparing.print_table(result, file=buffer)
            text = buffer.getvalue()
        if text is not None:
            _emit(text, output, force)
        if plot_path:
            comparing.plot(result, plot_path, force=force)
            _say(f"wrote {plot_path}")
    except SummarizeError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"{error.filename or ''}: {error.strerror or error}".strip(": ")) from None


def _systems(ctx, param, value: str) -> list[str]:
    from .evaluate import BASELINES

    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in BASELINES]
    if unknown:
        raise click.BadParameter(f"unknown baseline {', '.join(unknown)}; choose from {', '.join(BASELINES)}")
    return list(dict.fromkeys(names))


@cli.command("eval")
@click.argument("clusters", type=click.Path(dir_okay=False))
@click.option("--baselines", "-b", default="lead,lexrank,textrank,random", show_default=True, callback=_systems,
              help="Peer systems to run beside ours, separated by commas.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N clusters.")
@click.option("--set", "sets", multiple=True, help="Only clusters of this set (repeatable), e.g. duc2006.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the random baseline and the bootstrap.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write the Markdown table here.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), default=None,
              help="Also write every score of every cluster as JSON.")
@click.option("--force", is_flag=True, help="Replace output files if they exist.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes scoring clusters side by side (seconds per cluster then share the cores).")
def evaluate(clusters: str, baselines: list[str], limit: int | None, sets: tuple[str, ...], seed: int,
             output: str | None, json_path: str | None, force: bool, workers: int) -> None:
    """Score our briefs and peer summarizers against the human references in CLUSTERS (JSONL).

    Each line: {"id": str, "documents": [{"title": str, "text": str}], "references": [str]}.
    Every system gets the references' average length as its budget. Progress goes to stderr.

    \b
    Examples:
      summarize eval ../shared/eval/dev/clusters.jsonl --baselines lead,lexrank,textrank -o eval.md
      summarize eval clusters.jsonl --set duc2006 --limit 5 --json scores.json
    """
    from . import evaluate as evaluating
    from .render import write_output

    quiet = logging.getLogger().level >= logging.ERROR

    def progress(number: int, total: int, cluster) -> None:
        if not quiet:
            click.echo(f"[{number}/{total}] {cluster.id} ({len(cluster.documents)} documents, {cluster.budget} words)", err=True)

    try:
        _refuse_existing(output, json_path, force=force)
        summary, results = evaluating.evaluate(clusters, baselines, limit=limit, sets=sets or None, seed=seed,
                                               progress=progress, workers=workers)
        _emit(evaluating.to_markdown(summary), output, force)
        if json_path:
            write_output(evaluating.to_json(summary, results), json_path, force=force)
            _say(f"wrote {json_path}")
    except SummarizeError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"{error.filename or ''}: {error.strerror or error}".strip(": ")) from None


def main() -> None:
    cli(prog_name="summarize")
