"""The ``clean`` command: ``main(argv) -> int``, its status from :data:`EXIT_STATUS` (0 done,
1 changed, 2 error, 130 interrupted). Errors are one line on stderr, never a traceback.

>>> main(["--version"])  # doctest: +ELLIPSIS
clean ...
0
"""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .config import MODES, Config, ConfigError
from .io.decode import DecodeError, decode_bytes
from .explain import explain_json, explain_text, summarize
from .io.files import InputError, read_input, refusal, write_atomic
from .io.html import ExtractionError, html_to_text, looks_like_html
from .pipeline import Cleaner
from .io.stats import Stats, document_counts
from .rules import RuleError, load_rules

EXAMPLES = """\
examples:
  clean story.txt > story.clean.txt     clean one file to stdout
  cat story.txt | clean                 read standard input
  clean --explain story.txt             which rule removed which line
  clean --explain=json a.txt b.txt      the same as JSON, one object per file
  clean --check incoming/*.txt          exit 1 if any file would change
  clean --diff story.txt                show the change as a unified diff
  clean --in-place incoming/*.txt       rewrite files safely (atomic replace)
  clean --ignore captions story.txt     keep photo captions
  clean --select ads,share story.txt    run only these categories (and the guards)
  clean --rules my-rules/ story.txt     add your own rule files
  clean --list-rules                    the rule catalogue
  clean --mode page dump.txt            a whole page's text: keep the article region
  clean page.html                       extract the article from HTML, then clean it
  clean --jsonl in.jsonl.gz -o out.jsonl.zst -j 8 --stats
                                        a corpus: the `text` field of each record
  clean -r incoming/ -o cleaned/        a folder, mirrored (default --include '*.txt')
  clean -r --in-place incoming/         a folder, in place
  clean --check .                       every *.txt of a project (not .git, .venv, .gitignore'd)
"""

OK, CHANGED, ERROR, INTERRUPTED = 0, 1, 2, 130

# The one exit-status table: `clean --help` and the README print it, and
# tests/test_bad_input.py runs a case of each row against the command.
EXIT_STATUS = (
    (OK, "done: the cleaned text or corpus was written (stdout, -o, a folder), or no file "
         "changes (--check, --diff, --in-place); also --explain, --list-rules, --show-rule, "
         "and a JSONL run whose bad records --skip-bad skipped and reported"),
    (CHANGED, "a file would change (--check, --diff) or was rewritten (--in-place); "
              "--test-rules: an example failed"),
    (ERROR, "an error, one line on stderr naming the file and the problem, nothing written for "
            "that file: missing or unreadable, not UTF-8, binary (a NUL byte), HTML given to "
            "--in-place, --check or --diff, a page the HTML extractor fails on, a bad JSONL "
            "record (without --skip-bad), a refused write, a bad rule file, setting or option"),
    (INTERRUPTED, "interrupted (Ctrl-C)"),
)
EXIT_STATUS_NOTE = "With several files the highest status wins: one error among cleaned files gives 2."


def exit_status_text(width: int = 88) -> str:
    """The table as ``clean --help`` prints it.

    >>> print(exit_status_text().splitlines()[0])
    exit status:
    """
    import textwrap

    rows = [textwrap.fill(meaning, width, initial_indent=f"  {code:<5}", subsequent_indent=" " * 7,
                          break_on_hyphens=False)
            for code, meaning in EXIT_STATUS]
    return "\n".join(["exit status:", *rows, textwrap.fill(EXIT_STATUS_NOTE, width, initial_indent="  ",
                                                          subsequent_indent="  ")]) + "\n"


def exit_status_markdown() -> str:
    """The table as the README holds it (a test keeps the two the same)."""
    rows = [f"| {code} | {meaning} |" for code, meaning in EXIT_STATUS]
    return "\n".join(["| exit status | meaning |", "|---|---|", *rows, "", EXIT_STATUS_NOTE]) + "\n"


class _Parser(argparse.ArgumentParser):
    """The epilog (examples, exit statuses) is laid out only when help is printed: wrapping
    it imports ``textwrap`` and compiles its patterns, which a plain run does not need.
    Likewise the formatters argparse makes to check each argument as it is added are not
    told the terminal's width (finding it imports ``shutil``: 2 ms of a start); the help
    and usage texts are."""

    adding = True  # (build_parser sets it to False once every argument is added)

    def format_help(self) -> str:
        self.epilog = EXAMPLES + "\n" + exit_status_text()
        return super().format_help()

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog, width=80) if self.adding else super()._get_formatter()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="clean",
        description="Remove boilerplate and noise lines from scraped news text "
        "and say which rule removed what.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="text files; '-' or none for standard input")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--explain", choices=("text", "json"), metavar="[=json]",
                        help="print the dropped lines with their rule instead of the text "
                        "(--explain=json: one JSON object per file)")
    action.add_argument("-i", "--in-place", action="store_true", help="rewrite each file that changes")
    action.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    action.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
    action.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    action.add_argument("--show-rule", metavar="ID", help="print one rule file and exit")
    action.add_argument("--test-rules", metavar="DIR",
                        help="run the examples of the rule files in DIR (with the catalogue) and exit")
    parser.add_argument("--select", action="append", default=[], metavar="IDS",
                        help="run only these rule ids or categories (comma-separated, repeatable)")
    parser.add_argument("--ignore", action="append", default=[], metavar="IDS",
                        help="do not run these rule ids or categories")
    parser.add_argument("--rules", action="append", default=[], metavar="DIR",
                        help="a folder of extra rule files (<category>/<id>.toml)")
    parser.add_argument("--site", metavar="HOST",
                        help="the site the input comes from: also run the rules learned for it "
                             "(JSONL records name their own in a site or url field)")
    parser.add_argument("--encoding", metavar="NAME", help="input encoding when it is not UTF-8")
    parser.add_argument("--mode", choices=MODES,
                        help="article: extractor output (default); page: a full-page text dump "
                        "(keep the article region); auto: decide per document")
    parser.add_argument("--input", choices=("auto", "text", "html"), default="auto",
                        help="input kind; auto: HTML is recognised by its content (default)")
    batch = parser.add_argument_group("batch")
    batch.add_argument("--jsonl", action="store_true", help="inputs are JSONL (also .gz, .zst)")
    batch.add_argument("--text-field", default="text", metavar="NAME", help="JSONL field to clean (text)")
    batch.add_argument("--html-field", default="html", metavar="NAME",
                       help="with --jsonl --input html: the field holding the page (html)")
    batch.add_argument("--annotate", metavar="FIELD", help="JSONL: add the trace of each document in FIELD")
    batch.add_argument("--skip-bad", action="store_true", help="JSONL: skip bad records (not JSON, text not a string, "
                       "an extractor failure), count them and report their line numbers")
    batch.add_argument("--learn", action="store_true",
                       help="JSONL: learn each site's repeated lines over the input first, then clean with them")
    batch.add_argument("--learn-to", metavar="DIR", help="with --learn: keep the learned rules in DIR")
    batch.add_argument("-r", "--recursive", action="store_true",
                       help="FILE arguments are folders, walked like ruff and black do: hidden folders "
                       "(.git, .venv), virtualenvs, node_modules, __pycache__ and what .gitignore "
                       "ignores are skipped (--check, --diff, --explain and --in-place also take folders)")
    batch.add_argument("-o", "--output", metavar="PATH",
                       help="JSONL output file, or the folder for -r: the same relative paths, "
                       "except that text is never written under an HTML name (page.html -> page.txt)")
    batch.add_argument("--include", action="append", metavar="GLOB", help="files to take from a folder (default: *.txt)")
    batch.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="files or folders to skip in a folder (also [tool.cleaner] exclude)")
    batch.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                       help="worker processes (default: the CPU count)")
    batch.add_argument("--stats", choices=("text", "json"), metavar="[=json]",
                       help="print lines and characters removed by rule and category on stderr")
    parser.add_argument("--no-config", action="store_true",
                        help="do not read [tool.cleaner] from the nearest pyproject.toml")
    parser.add_argument("-q", "--quiet", action="store_true", help="no per-file messages on stderr")
    parser.add_argument("--version", action="version", version=f"clean {__version__}")
    parser.adding = False
    return parser


def _names(values: list[str]) -> tuple[str, ...]:
    return tuple(n.strip() for v in values for n in v.split(",") if n.strip())


def _warn(message, category, *_where, **_more) -> None:
    print(f"clean: warning: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    import warnings

    warnings.showwarning = _warn  # one line on stderr, like the errors
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["learn"]:  # (a file named learn: clean ./learn)
        from .io.corpus import learn_main

        return learn_main(argv[1:])
    # a bare --explain means text; only --explain=json takes a value, so FILE is never eaten
    argv = [f"{a}=text" if a in ("--explain", "--stats") else a for a in argv]
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) and ERROR
    try:
        config = _config(args)
        cleaner = Cleaner(config)
        if args.list_rules:
            return _list_rules(config)
        if args.show_rule:
            return _show_rule(config, args.show_rule)
        if args.test_rules:
            return _test_rules(config, args.test_rules)
        return _run(cleaner, args)
    except (RuleError, ConfigError) as err:
        return _error(str(err))
    except BrokenPipeError:  # `clean big.txt | head -1`: the reader left; stop quietly
        _silence_stdout()
        return OK
    except KeyboardInterrupt:
        return INTERRUPTED


def _config(args) -> Config:
    """The run's Config: ``[tool.cleaner]`` of the nearest pyproject.toml (unless
    --no-config), then the command line, which wins: --select, --ignore, --mode and --site
    replace the file's values; --rules and --exclude add to them."""
    from .config import find_pyproject, load_project_settings

    path = None if args.no_config else find_pyproject()
    settings = load_project_settings(path) if path else {}
    args.exclude = list(settings.get("exclude", ())) + args.exclude
    args.site = args.site or settings.get("site")
    return Config(select=_names(args.select) or settings.get("select", ()),
                  ignore=_names(args.ignore) or settings.get("ignore", ()),
                  rule_dirs=tuple(dict.fromkeys(settings.get("rules", ()) + tuple(args.rules))),
                  mode=args.mode or settings.get("mode", "article"))


def _run(cleaner: Cleaner, args) -> int:
    editing = args.in_place or args.check or args.diff
    if args.jsonl and (editing or args.explain):
        return _error("--jsonl writes a cleaned corpus (to stdout or -o, which may name the input); "
                      "--check, --diff, --explain and --in-place take text files")
    if args.learn:
        return _learn_then_clean(cleaner, args)
    if args.output and (editing and not args.in_place or args.explain):
        return _error("-o writes cleaned files; --check, --diff and --explain write nothing")
    if args.jsonl or (args.recursive and (args.output or args.in_place)):
        return _run_batch(cleaner, args)
    if args.output:
        return _error("-o works with --jsonl or -r; for one file, redirect stdout")
    if args.recursive and not (editing or args.explain):
        return _error("-r needs -o OUT_DIR, --in-place, --check, --diff or --explain")
    stats = Stats() if args.stats else None
    files = args.files or ["-"]
    if "-" in files and sys.stdin.isatty() and not args.files:
        return _error("no input: give a FILE or pipe text to standard input (see clean --help)")
    if (args.in_place or args.check) and "-" in files:
        return _error("--in-place and --check work on files, not standard input")
    if editing or args.explain or args.recursive:  # folders are walked, as ruff and black do
        from .io.batch import matches, walk

        expanded = []
        for name in files:
            if name != "-" and os.path.isdir(name):
                expanded.extend(os.path.normpath(os.path.join(name, rel)) for rel in walk(name)
                                if matches(rel, args.include or ["*.txt"], args.exclude))
            else:
                expanded.append(name)
        files = expanded
    from .io.progress import SHOW_AFTER, Progress

    # drawn only on a terminal, once a second has passed: a large file shows its steps
    progress = Progress(_total_size(files), enabled=None if not args.quiet else False, delay=SHOW_AFTER)
    status, counts = OK, [0, 0, 0]  # changed, unchanged, failed
    for name in files:
        with progress.ticking():
            result = _clean_one(cleaner, name, args, stats, progress)
        counts[{CHANGED: 0, OK: 1}.get(result, 2)] += 1
        status = max(status, result)
    progress.finish()
    if args.check or args.in_place:
        _summary(args, *counts)
    if stats:
        _print_stats(stats, args)
    return status


def _summary(args, changed: int, unchanged: int, failed: int) -> None:
    """One line like black's: ``2 files would be cleaned, 5 left unchanged``."""
    def files(n: int) -> str:
        return f"{n} file{'s' if n != 1 else ''}"

    parts = [f"{files(changed)} {'would be cleaned' if args.check else 'cleaned'}"] if changed else []
    if unchanged:
        parts.append(f"{files(unchanged) if not parts else unchanged} left unchanged")
    if failed:
        parts.append(f"{files(failed) if not parts else failed} failed")
    _note(args, ", ".join(parts) if parts else "no files to clean")


def _run_batch(cleaner: Cleaner, args) -> int:
    # imported here: a single file needs neither the process pool nor compressed streams
    from .io.batch import BatchError, BatchOptions, FolderJob, JsonlJob
    from .io.progress import Progress
    from .io.streams import open_input, open_output

    options = BatchOptions(cleaner.config, args.text_field, args.annotate, args.input, args.html_field,
                           args.encoding, args.site)
    progress = Progress(_total_size(args.files), enabled=None if not args.quiet else False)
    if args.recursive:
        if not args.files:
            return _error("-r needs folders and -o OUT_DIR or --in-place")
        job = FolderJob(options, args.jobs, args.include or ["*.txt"], args.exclude, progress)
        for root in args.files:
            if not os.path.isdir(root):
                return _error(f"{root}: not a folder")
            job.run(root, None if args.in_place else args.output)
        progress.finish()
        for error in job.errors:
            _error(error)
        for name in job.changed if args.in_place else ():
            _note(args, f"cleaned {name}")
        _summary(args, len(job.changed), job.unchanged, len(job.errors))
        problems = job.errors
    else:
        job = JsonlJob(options, args.jobs, args.skip_bad, progress)
        try:
            with open_output(args.output) as sink:
                for name in args.files or ["-"]:
                    with open_input(name) as source:
                        job.run(source, sink, "<stdin>" if name == "-" else name)
        except (BatchError, InputError) as err:
            return _error(str(err))
        progress.finish()
        if job.bad:
            _note(args, f"skipped {len(job.bad)} bad record(s): " + "; ".join(job.bad[:5])
                  + (f"; and {len(job.bad) - 5} more" if len(job.bad) > 5 else ""))
        problems = []
    if args.stats:
        _print_stats(job.stats, args)
    return ERROR if problems else (CHANGED if args.in_place and job.changed else OK)


def _learn_then_clean(cleaner: Cleaner, args) -> int:
    """Corpus mode: the learning passes over the JSONL files (:mod:`cleaner.io.passes`: one
    read), then the cleaning pass with the learned site rules (kept in --learn-to DIR, or in
    a temporary folder)."""
    import tempfile

    from .io.corpus import CorpusError
    from .io.passes import count_files
    from .learn import LearnOptions, write_profiles

    if not args.jsonl or not args.files or "-" in args.files:
        return _error("--learn reads its input twice: give JSONL files with --jsonl (not standard input)")
    try:
        options = LearnOptions(config=cleaner.config._replace(mode="article"))
        # (only the profiles are kept: the cleaning workers, forked from this process, would
        # otherwise inherit the counts of every story and walk them in each garbage collection)
        profiles = count_files(args.files, options, args.jobs, args.text_field).profiles()
        with tempfile.TemporaryDirectory(prefix="clean-learn-") as scratch:
            folder = args.learn_to or scratch
            written = write_profiles(profiles, folder)
            _note(args, f"learned the repeated lines of {len(written)} sites")
            if written:
                cleaner = Cleaner(cleaner.config._replace(rule_dirs=cleaner.config.rule_dirs + (folder,)))
            return _run_batch(cleaner, args)
    except (CorpusError, InputError) as err:
        return _error(str(err))


def _total_size(names: list[str]) -> int | None:
    try:
        return sum(os.path.getsize(n) for n in names if not n.endswith((".gz", ".zst"))) or None
    except OSError:
        return None


def _print_stats(stats: Stats, args) -> None:
    print(stats.as_json() if args.stats == "json" else stats.as_text(), file=sys.stderr)


def _clean_one(cleaner: Cleaner, name: str, args, stats: Stats | None = None, progress=None) -> int:
    label = "<stdin>" if name == "-" else name
    if progress:
        progress.clear()
    try:
        data = read_input(name)
        size = len(data)
        text = decode_bytes(data, label, args.encoding)
        del data  # (the bytes are freed here)
    except (InputError, DecodeError) as err:  # a binary file too, in every mode (EXIT_STATUS)
        return _error(str(err))
    try:
        shown = _Shown(progress, label, size) if progress and progress.enabled else None
        return _clean_text(cleaner, name, label, text, args, stats, shown)
    finally:
        if progress:
            progress.advance(size)


class _Shown:
    """The pipeline's progress callback for one file, drawn by ``progress``; ``done()``
    erases it before anything is printed."""

    def __init__(self, progress, label: str, size: int):
        self.progress, self.label, self.size = progress, label, size

    def __call__(self, step: str, done: int, total: int) -> None:
        self.progress.step(self.label, self.size, step, done, total)

    def done(self) -> None:
        self.progress.clear()


def _clean_text(cleaner: Cleaner, name: str, label: str, text: str, args, stats: Stats | None,
                report: _Shown | None) -> int:
    editing = args.in_place or args.check or args.diff
    if args.input == "html" or (args.input == "auto" and looks_like_html(text)):
        if editing:
            return _error(f"{label}: is HTML; --in-place, --check and --diff take text files "
                          "(clean it to stdout, or use -r -o OUT_DIR)")
        try:
            text = html_to_text(text)
        except ExtractionError as err:
            return _error(f"{label}: {err}")
    if not (args.explain or editing or stats):
        cleaned = cleaner.clean(text, args.site, report)  # no trace needed: less memory on very large files
        if report:
            report.done()
        _write(cleaned)
        return OK
    result = cleaner.run(text, args.site, report)
    if report:
        report.done()
    if stats:
        stats.add(document_counts(result.trace))
        if not (args.explain or editing):
            _write(result.text)
            return OK
    if args.explain == "json":
        import json  # (the modules only some options need are imported when used)

        _write(json.dumps(explain_json(result.trace, label), ensure_ascii=False) + "\n")
        return OK
    if args.explain:
        report = explain_text(result.trace, label, {r.full_id: r.lines for r in cleaner.rules if r.lines})
        _write(report + "\n" if report else "")
        return OK
    if result.text == text:
        return OK
    problem = refusal(text, result.text)
    if problem:
        return _error(f"{label}: refusing to write: {problem}")
    if args.diff:
        import difflib

        _write("".join(difflib.unified_diff(diff_lines(text), diff_lines(result.text),
                                            f"a/{label}", f"b/{label}")))
    elif args.check:
        _note(args, f"would clean {label}: {summarize(result.trace)}")
    else:
        try:
            write_atomic(name, result.text.encode("utf-8"))
        except InputError as err:
            return _error(str(err))
        _note(args, f"cleaned {label}: {summarize(result.trace)}")
    return CHANGED


def diff_lines(text: str) -> list[str]:
    """``text`` cut after each ``\\n``, as diff and patch cut it (``str.splitlines`` also cuts
    at ``\\x0c``, ``\\x1c``... and would break a line of the diff in two).

    >>> diff_lines("a\\x0cb\\r\\nc")
    ['a\\x0cb\\r\\n', 'c']
    """
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _list_rules(config: Config) -> int:
    from .kinds import KINDS

    rules = load_rules(config._replace(mode="page"))  # in run order, page rules included
    width = max(len(r.full_id) for r in rules)
    _write(f"{'rule':<{width}}  {'kind':<9}  {'stage':<8}  {'guarded':<7}  summary\n")
    for rule in rules:
        kind = KINDS[rule.kind]
        _write(f"{rule.full_id:<{width}}  {rule.kind:<9}  {kind.stage:<8}  {kind.guard_contract:<7}  {rule.summary}\n")
    return OK


def _show_rule(config: Config, rule_id: str) -> int:
    rule = next((r for r in load_rules(Config(rule_dirs=config.rule_dirs, mode="page")) if r.full_id == rule_id
                 or r.id == rule_id), None)
    if rule is None:
        return _error(f"no rule named {rule_id!r} (see clean --list-rules)")
    with open(rule.path, encoding="utf-8") as handle:
        _write(f"# {rule.full_id}  ({os.path.relpath(rule.path) if not os.path.isabs(rule.path) else rule.path})\n")
        _write(handle.read())
    from .docs import kind_notes

    _write("\n" + kind_notes(rule))
    return OK


def _test_rules(config: Config, folder: str) -> int:
    """Run the examples of every rule in ``folder``, each in the pipeline of the catalogue
    plus ``folder`` (and any other --rules); exit 1 if one fails."""
    from .examples import run_examples
    from .rules import load_dir

    dirs = tuple(dict.fromkeys(config.rule_dirs + (folder,)))
    rules = load_dir(folder)
    ran, failures = run_examples(rules, dirs)
    for failure in failures:
        _write(f"FAIL {failure.rule} {failure.example}\n    " + failure.message.replace("\n", "\n    ") + "\n")
    _write(f"{len(rules)} rules, {ran} examples: {ran - len(failures)} passed, {len(failures)} failed\n")
    return CHANGED if failures else OK


def _write(text: str, chunk: int = 1 << 20) -> None:
    """Write UTF-8 to stdout in 1 MB pieces (no second full copy of a large output)."""
    for start in range(0, len(text), chunk):
        sys.stdout.buffer.write(text[start : start + chunk].encode("utf-8"))
    sys.stdout.buffer.flush()


def _note(args, message: str) -> None:
    if not args.quiet:
        print(f"clean: {message}", file=sys.stderr)


def _error(message: str) -> int:
    print(f"clean: error: {message}", file=sys.stderr)
    return ERROR


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
