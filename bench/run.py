"""claimcheck's benchmarks, in one command:

    python bench/run.py [--quick] [--write bench/RESULTS.md]

1. extraction: ``Extractor.claims_of`` / ``facts_of`` against bare ``nlp.pipe`` of the same spaCy
   pipeline on the same texts, both batched with ``n_process`` 2; the ratio is claimcheck's
   overhead (goal: under 1.25);
2. check: ``claimcheck check`` run as a subprocess on synthetic corpora (bench/synthetic.py) of
   growing size: wall time and peak RSS, with growth set beside statements x evidence;
3. where the time goes: the stages of one check timed in-process (spaCy parsing, claimcheck's own
   reading of the parses, indexing, matching, judging, writing the reports);
4. re-run: ``claimcheck check --cache-dir DIR`` twice on the same corpus; second/first (goal:
   under 0.10). Printed as "cache: not available" until ``check`` has that option.
5. scale (issue 14): at 4k x 800 (1k x 200 with ``--quick``), one changed statement, one
   changed evidence file and nothing changed against a first run; one subject against mixed
   subjects; 4x statements and evidence;
6. start-up: ``--help``, ``version``, ``fetch --help``, ``review`` and an unchanged ``check`` of
   the embedded corpus, each as a new process, against ``python -c pass`` (goal: under 0.2 s for
   the commands that parse nothing; an unchanged ``check`` never imports spaCy).

``--quick`` runs only the small sizes. Corpora are generated into a temporary folder with a fixed
seed, so every run checks the same files.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate

QUICK_SIZES = [(250, 50), (1000, 200), (1000, 800)]
FULL_SIZES = QUICK_SIZES + [(10000, 2000), (50000, 10000)]
CACHE_OPTION = "--cache-dir"      # the option the benchmark expects `claimcheck check` to take
N_PROCESS = 2
BATCH_SIZE = 64


# ---------------------------------------------------------------------- measuring

@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float
    returncode: int
    stderr: str


def run_measured(args: list[str]) -> Run:
    """Run a command; its wall time and the peak resident memory of that one process tree."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode, stderr)


def check_command(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "claimcheck", "check", "--claims", str(corpus / "claims"),
            "--evidence", str(corpus / "evidence"), "--out", str(out), *extra]


def corpus_of(root: Path, statements: int, evidence: int, single_subject: bool = False) -> Path:
    folder = root / f"corpus-{statements}x{evidence}{'-single' if single_subject else ''}"
    if not folder.exists():
        generate(folder, statements, evidence, single_subject=single_subject)
    return folder


def count(items) -> int:
    """Drain a stream (the work happens as it is consumed)."""
    return sum(1 for _ in items)


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return value, time.perf_counter() - start


# ---------------------------------------------------------------------- the sections

def extraction(root: Path, statements: int, evidence: int, rounds: int) -> list[str]:
    from claimcheck.corpus.load import load_corpus
    from claimcheck.extract.extractor import Extractor
    from claimcheck.extract.nlp import load_pipeline
    from claimcheck.lexicon import load_lexicon
    from claimcheck.pipeline.run import read_items

    folder = corpus_of(root, statements, evidence)
    corpus = load_corpus(folder / "claims", folder / "evidence")
    nlp = load_pipeline()
    extractor = Extractor(nlp, load_lexicon())
    rows = []
    # claimcheck's side is the reading `claimcheck check` runs: with n processes, forked workers
    # that each parse and read a chunk; with one, the same reading in this process.
    cases = [
        ("statements", [s.text for s in corpus.statements],
         lambda n: read_items(extractor, "statement", list(corpus.statements), n)),
        ("evidence", [e.text for e in corpus.evidence],
         lambda n: read_items(extractor, "evidence", list(corpus.evidence), n)),
    ]
    list(nlp.pipe(["Warm the pipeline up."] * 8))
    for n_process in (N_PROCESS, 1):
        for name, texts, ours in cases:
            words = sum(len(t.split()) for t in texts)
            bare = mine = float("inf")
            for _ in range(rounds):   # alternate and keep the best: other load only adds time
                bare = min(bare, timed(count, nlp.pipe(texts, batch_size=BATCH_SIZE,
                                                       n_process=n_process))[1])
                mine = min(mine, timed(count, ours(n_process))[1])
            rows.append(f"| {name} | {n_process} | {len(texts):,} | {words / bare:,.0f} | "
                        f"{words / mine:,.0f} | {bare:.1f} | {mine:.1f} | {mine / bare:.2f} |")
    return ["## Extraction throughput",
            "",
            (f"The same texts on both sides: bare `nlp.pipe` (`batch_size={BATCH_SIZE}`, "
            f"`n_process={N_PROCESS}` and, for reference, 1) against the reading `claimcheck "
            "check` runs (`pipeline.read_items`: forked workers reading chunks of 256 with "
            f"{N_PROCESS} processes, the same reading in-process with 1). Ratio = claimcheck time "
            f"/ bare time (goal: under 1.25). Best of {rounds} alternating rounds."),
            "",
            ("| texts | n_process | count | bare words/s | claimcheck words/s | bare s | "
            "claimcheck s | ratio |"),
            "|---|---:|---:|---:|---:|---:|---:|---:|", *rows]


def check_sizes(root: Path, sizes: list[tuple[int, int]]) -> list[str]:
    rows = []
    first = None
    for statements, evidence in sizes:
        folder = corpus_of(root, statements, evidence)
        # A fresh cache folder: every size is measured as a first run.
        run = run_measured(check_command(folder, root / "out", CACHE_OPTION,
                                         str(root / f"cache-{statements}x{evidence}")))
        if run.returncode != 0:
            rows.append(f"| {statements:,} | {evidence:,} | failed: "
                        f"{run.stderr.strip().splitlines()[-1:]} | | | | |")
            continue
        first = first or (statements, evidence, run.seconds)
        s0, e0, t0 = first
        rows.append(f"| {statements:,} | {evidence:,} | {run.seconds:.1f} | {run.peak_rss_mb:,.0f} | "
                    f"{1000 * run.seconds / statements:.1f} | {run.seconds / t0:.1f}x | "
                    f"{statements / s0:.0f}x | {statements * evidence / (s0 * e0):.0f}x |")
    return ["## `claimcheck check`: time and peak memory",
            "",
            ("Wall time of the whole command (Python start, model load, check, reports) and the "
            "peak resident memory of its process. Growth is against the first row."),
            "",
            ("| statements | evidence | seconds | peak RSS MB | ms/statement | time growth | "
            "statements growth | statements x evidence growth |"),
            "|---:|---:|---:|---:|---:|---:|---:|---:|", *rows]


def output_sizes(root: Path, statements: int, evidence: int) -> list[str]:
    """How big the reports are: report.html must stay a size a person can open (issue 12: under
    about 10 MB at 10k x 2k, flagged findings in full and the rest one line each), while
    findings.json stays complete."""
    folder = corpus_of(root, statements, evidence)
    out = root / f"outputs-{statements}x{evidence}"
    run = run_measured(check_command(folder, out, "--format", "html,csv", CACHE_OPTION,
                                     str(root / f"cache-{statements}x{evidence}")))
    if run.returncode != 0:
        return ["## Report sizes", "", f"failed: {run.stderr.strip().splitlines()[-1:]}"]
    html = (out / "report.html").read_text(encoding="utf-8")
    full = html.count('<article class="finding" ')
    brief = html.count('<article class="finding compact"')
    rows = [f"| {name} | {(out / name).stat().st_size / 1e6:,.1f} |"
            for name in ("report.html", "findings.json", "report.md", "findings.csv")]
    return ["## Report sizes", "",
            (f"{statements:,} statements against {evidence:,} evidence documents: report.html "
             f"shows {full:,} flagged findings in full and {brief:,} in one line each."), "",
            "| file | MB |", "|---|---:|", *rows]


def stages(root: Path, statements: int, evidence: int) -> list[str]:
    """The stages of one check, timed in-process on one core."""
    from claimcheck.corpus.load import load_corpus
    from claimcheck.extract.extractor import Extractor
    from claimcheck.extract.nlp import load_pipeline
    from claimcheck.judge.rules import Judge
    from claimcheck.lexicon import load_lexicon
    from claimcheck.match.matcher import FactIndex
    from claimcheck.model import CheckResult
    from claimcheck.outputs.report import write_reports

    folder = corpus_of(root, statements, evidence)
    times: dict[str, float] = {}
    nlp, times["load the spaCy pipeline"] = timed(load_pipeline)
    lexicon = load_lexicon()
    corpus, times["load the corpus files"] = timed(load_corpus, folder / "claims",
                                                   folder / "evidence")
    # The bodies: what needs the whole pipeline (questions and titles need only the tokenizer).
    texts = [s.text for s in corpus.statements] + [e.text for e in corpus.evidence]
    _, parse = timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=BATCH_SIZE)))
    extractor, times["build the extractor (matchers)"] = timed(Extractor, nlp, lexicon)
    facts_by_item, t_facts = timed(lambda: list(extractor.facts_of(corpus.evidence)))
    claims_by_statement, t_claims = timed(lambda: list(extractor.claims_of(corpus.statements)))
    times["spaCy parsing (bare nlp.pipe of the same bodies)"] = parse
    times["claimcheck's reading of the parses (extract minus parsing)"] = \
        t_facts + t_claims - parse
    facts = [f for _, item_facts in facts_by_item for f in item_facts]
    index, times["index the facts"] = timed(FactIndex, facts, lexicon)
    judge = Judge(corpus.evidence, lexicon)

    def match_all():
        return [(s, claims, {c.id: index.candidates(c, extractor.home_of(s)) for c in claims})
                for s, claims in claims_by_statement]

    matched, times["match claims to facts"] = timed(match_all)
    candidates = sum(len(m) for _, _, ms in matched for m in ms.values())
    findings, times["judge"] = timed(lambda: tuple(f for s, claims, ms in matched
                                                   for f in judge.judge(s, claims, ms)))
    result = CheckResult(corpus, findings, corpus.problems)
    _, times["write findings.json and report.md"] = timed(write_reports, result, root / "stages")
    total = sum(times.values())
    rows = [f"| {name} | {seconds:.2f} | {100 * seconds / total:.0f}% |"
            for name, seconds in sorted(times.items(), key=lambda kv: -kv[1])]
    claims = sum(len(c) for _, c in claims_by_statement)
    return [f"## Where the time goes ({statements:,} statements x {evidence:,} evidence, one core)",
            "",
            (f"{claims:,} claims, {len(facts):,} facts, {candidates:,} candidate matches "
            f"({candidates / max(claims, 1):.1f} per claim)."),
            "",
            "| stage | seconds | share |", "|---|---:|---:|", *rows]


def rerun(root: Path, statements: int, evidence: int) -> list[str]:
    head = ["## Re-run with nothing changed", ""]
    help_text = subprocess.run([sys.executable, "-m", "claimcheck", "check", "--help"],
                               capture_output=True, text=True, check=False).stdout
    if CACHE_OPTION not in help_text:
        return head + [(f"cache: not available (`claimcheck check` has no `{CACHE_OPTION}` "
                       "option yet)")]
    folder = corpus_of(root, statements, evidence)
    cache = root / "cache"
    first = run_measured(check_command(folder, root / "out1", CACHE_OPTION, str(cache)))
    written = (root / "out1/findings.json").read_bytes()
    # What a user does: the same command again. The reports are up to date, so nothing is redone.
    again = run_measured(check_command(folder, root / "out1", CACHE_OPTION, str(cache)))
    unchanged = (root / "out1/findings.json").read_bytes() == written
    # Reports wanted somewhere new: readings and the result come from the cache, reports are
    # written afresh.
    elsewhere = run_measured(check_command(folder, root / "out2", CACHE_OPTION, str(cache)))
    same = (json.loads((root / "out2/findings.json").read_text())["findings"]
            == json.loads(written)["findings"])
    return head + [
        (f"`claimcheck check {CACHE_OPTION} DIR` on {statements:,} statements x {evidence:,} "
        "evidence, then again with nothing changed (goal: second/first under 0.10)."),
        "",
        "| run | seconds | peak RSS MB | second/first |", "|---|---:|---:|---:|",
        f"| first (empty cache) | {first.seconds:.1f} | {first.peak_rss_mb:,.0f} | |",
        (f"| again, same `--out` (reports up to date) | {again.seconds:.1f} | "
        f"{again.peak_rss_mb:,.0f} | {again.seconds / first.seconds:.2f} |"),
        (f"| again, new `--out` (cached result, reports rewritten) | {elsewhere.seconds:.1f} | "
        f"{elsewhere.peak_rss_mb:,.0f} | {elsewhere.seconds / first.seconds:.2f} |"),
        "",
        (f"Reports untouched by the up-to-date run: {'yes' if unchanged else 'NO'}; the rewritten "
        f"findings are the same as the first run's: {'yes' if same else 'NO'}.")]


def _edit(path: Path, sentence: str) -> None:
    """Add a sentence to a corpus file's body, as a person revising it would."""
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f" {sentence}\n",
                    encoding="utf-8")


def scale(root: Path, statements: int, evidence: int) -> list[str]:
    """Issue 14's acceptance, side by side in one run: a first run, then one changed statement,
    one changed evidence file and nothing changed, each against the first; a single-subject
    corpus against a mixed one of the same size; and a quarter of the size, for 4x growth."""
    load_before = os.getloadavg()
    folder = root / f"scale-{statements}x{evidence}"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(corpus_of(root, statements, evidence), folder)
    cache, out = root / "scale-cache", root / "scale-out"
    for stale in (cache, out):
        shutil.rmtree(stale, ignore_errors=True)

    def check(*extra: str) -> Run:
        run = run_measured(check_command(folder, out, CACHE_OPTION, str(cache), *extra))
        if run.returncode != 0:
            raise SystemExit(f"claimcheck check failed: {run.stderr.strip()[-500:]}")
        return run

    first = check()
    files = statements_of(folder)
    _edit(files[len(files) // 2], "The data will not be shared with the Home Office.")
    statement = check()
    _edit(next(p for p in sorted((folder / "evidence").iterdir()) if p.stem.endswith("-foi")),
          "The Department shared the records with the Home Office in 2016.")
    document = check()
    nothing = check()
    cold_out = root / "scale-cold"
    cold = run_measured(check_command(folder, cold_out, "--no-cache"))
    same = _findings(out) == _findings(cold_out)

    def first_run(corpus: Path, name: str) -> Run:
        """A first run, with an empty cache of its own: measured as the mixed corpus was."""
        return run_measured(check_command(corpus, root / f"{name}-out", CACHE_OPTION,
                                          str(root / f"{name}-cache")))
    single = first_run(corpus_of(root, statements, evidence, True), "single")
    quarter = first_run(corpus_of(root, statements // 4, evidence // 4), "quarter")
    mixed = first

    def row(what: str, run: Run, against: Run, goal: str) -> str:
        return (f"| {what} | {run.seconds:.1f} | {run.peak_rss_mb:,.0f} | "
                f"{run.seconds / against.seconds:.2f} | {goal} |")
    return [f"## Scale (issue 14): {statements:,} statements x {evidence:,} evidence", "",
            ("Each run is `claimcheck check` as a new process, with the same `--cache-dir` and "
             "`--out` for the first four; the cold run with `--no-cache`; the one-subject and "
             "quarter-size runs as first runs with empty caches of their own, like the first. "
             "The mixed corpus is the first run's."), "",
            "| run | seconds | peak RSS MB | ratio | goal |", "|---|---:|---:|---:|---|",
            row("first run (empty cache)", first, first, ""),
            row("one statement changed", statement, first, "at most 0.10 of the first"),
            row("one evidence file changed", document, first, "at most 0.20 of the first"),
            row("nothing changed", nothing, first, "at most 0.05 of the first"),
            row("cold run of the edited corpus (`--no-cache`)", cold, first, ""),
            row("one subject, first run", single, mixed, "at most 1.2 of mixed (the first run)"),
            row(f"a quarter of the size ({statements // 4:,} x {evidence // 4:,}), first run",
                quarter, quarter, ""),
            row("4x statements and evidence (the first run)", mixed, quarter,
                "at most 4.5 of a quarter"), "",
            ("The findings after the three incremental runs are the cold run's: "
             f"{'yes' if same else 'NO'} (byte for byte, less `generated_at` and `inputs`). "
             "Load average (1, 5, 15 min) before the section: "
             + ", ".join(f"{x:.1f}" for x in load_before) + "; after it: "
             + ", ".join(f"{x:.1f}" for x in os.getloadavg()) + ". Corpora under 2,000 files "
             "are read in one process, larger ones in two (`--jobs 0`), so the quarter size "
             "reads with one process and the full size with two.")]


def statements_of(folder: Path) -> list[Path]:
    return sorted((folder / "claims").iterdir())


def _findings(out: Path) -> bytes:
    """findings.json without its two fields that differ between runs of the same corpus."""
    lines = (out / "findings.json").read_bytes().splitlines(keepends=True)
    return b"".join(line for line in lines
                    if not line.startswith((b'  "generated_at"', b'  "inputs"')))


STARTUP_ROUNDS = 7
REPOSITORY = Path(__file__).resolve().parent.parent


def startup(root: Path) -> list[str]:
    """Best-of-N wall time of short commands, each a fresh process, beside Python's own start."""
    corpus = root / "startup"
    for name in ("claims", "evidence"):
        shutil.copytree(REPOSITORY / name, corpus / name)
    claimcheck = [sys.executable, "-m", "claimcheck"]
    # The first check reads everything and fills the cache; what follows is what a user re-runs.
    warm = subprocess.run([*claimcheck, "check"], cwd=corpus, capture_output=True, text=True)
    if warm.returncode != 0:
        return ["## Start-up", "", f"the first check failed: {warm.stderr.strip()[-300:]}"]
    commands = [
        ("`python -c pass` (Python alone)", [sys.executable, "-c", "pass"]),
        ("`claimcheck --help`", [*claimcheck, "--help"]),
        ("`claimcheck version`", [*claimcheck, "version"]),
        ("`claimcheck fetch --help`", [*claimcheck, "fetch", "--help"]),
        ("`claimcheck review` (a checked corpus)", [*claimcheck, "review"]),
        ("`claimcheck check`, nothing changed", [*claimcheck, "check"]),
    ]
    best = {}
    for _ in range(STARTUP_ROUNDS):  # alternating, so a burst of load hits every command alike
        for label, args in commands:
            start = time.perf_counter()
            subprocess.run(args, cwd=corpus, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           check=True)
            best[label] = min(best.get(label, float("inf")), time.perf_counter() - start)
    floor = best[commands[0][0]]
    rows = [f"| {label} | {seconds:.3f} | {seconds - floor:+.3f} |" for label, seconds in
            best.items()]
    return ["## Start-up", "",
            (f"Each command as a new process in a copy of the embedded corpus (21 statements, 38 "
             f"evidence documents), checked once beforehand; best of {STARTUP_ROUNDS} alternating "
             "rounds. Goal: under 0.2 s for `--help`, `version`, `fetch` and `review`; an "
             "unchanged `check` does not import spaCy."),
            "", "| command | seconds | over Python alone |", "|---|---:|---:|", *rows]


def machine() -> list[str]:
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    import spacy

    return [(f"- machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), "
            f"{pages / 2**30:.0f} GB memory, {platform.platform()}"),
            f"- Python {platform.python_version()}, spaCy {spacy.__version__}",
            "- load average at start (1, 5, 15 min): "
            + ", ".join(f"{x:.1f}" for x in os.getloadavg())
            + " (wall times stretch when other work shares the cores)"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="claimcheck benchmarks")
    parser.add_argument("--quick", action="store_true", help="only the small sizes")
    parser.add_argument("--write", type=Path, metavar="FILE",
                        help="also write the results to FILE (e.g. bench/RESULTS.md)")
    parser.add_argument("--sections",
                        default="extraction,sizes,stages,rerun,startup,outputs,scale",
                        help="which sections to run, comma-separated (default: all)")
    args = parser.parse_args(argv)
    wanted = set(args.sections.split(","))
    sizes = QUICK_SIZES if args.quick else FULL_SIZES
    small = (2000, 400) if args.quick else (10000, 2000)
    command = "python bench/run.py" + (" --quick" if args.quick else "") + (
        f" --sections {args.sections}"
        if wanted != {"extraction", "sizes", "stages", "rerun", "startup", "outputs", "scale"}
        else "")
    lines = ["# claimcheck benchmarks", "", f"- command: `{command}`",
             f"- date: {time.strftime('%Y-%m-%d')}", *machine(), ""]
    print("\n".join(lines), flush=True)
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        root = Path(tmp)
        sections = {
            "extraction": lambda: extraction(root, *small, rounds=2 if args.quick else 3),
            "sizes": lambda: check_sizes(root, sizes),
            "stages": lambda: stages(root, 1000, 200),
            # At the headline size: on a small corpus the ~1.5 s of Python and spaCy start-up
            # dominates any re-run.
            "rerun": lambda: rerun(root, *small),
            "startup": lambda: startup(root),
            "outputs": lambda: output_sizes(root, *small),
            "scale": lambda: scale(root, *((1000, 200) if args.quick else (4000, 800))),
        }
        for name, section in sections.items():
            if name not in wanted:
                continue
            part = section() + [""]
            print("\n".join(part), flush=True)
            lines += part
    if args.write:
        args.write.write_text("\n".join(lines), encoding="utf-8")
        print(f"wrote {args.write}")


if __name__ == "__main__":
    main()
