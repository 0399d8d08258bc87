"""The hooks with the real pre-commit, in a throwaway git repository.

pre-commit clones this repository at its HEAD commit and installs it in its own
environment, as a user's pre-commit does. The first commit of incoming news files is
stopped (the fixer rewrites them), the second goes through, and what is committed equals
the golden expected texts.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import GOLDEN, ROOT

CASES = ["en-us-wire-share-ads-newsletter", "de-regional-anzeige-lesen-sie-auch"]
ORDINARY = Path(__file__).parent / "data" / "ordinary"
# a repository's own files, where a repository keeps them: the hook must leave every one alone
REPOSITORY_FILES = {"README.md": "README.md", "LICENSE": "LICENSE", "CHANGELOG.rst": "CHANGELOG.rst",
                    "CHANGELOG.md": "docs/CHANGELOG.md", "config.yaml": "config.yaml",
                    "table.md": "docs/results.md", "requirements.txt": "requirements.txt"}
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check)


@pytest.fixture(scope="module")
def head_commit() -> str:
    if not (ROOT / ".git").exists():
        pytest.skip("needs the git checkout of this project")
    return git(ROOT, "rev-parse", "HEAD").stdout.strip()


@pytest.fixture
def repo(tmp_path, head_commit, monkeypatch) -> Path:
    monkeypatch.setenv("PRE_COMMIT_HOME", str(ROOT / ".pytest_cache" / "pre-commit"))
    for name, value in (("GIT_AUTHOR_NAME", "t"), ("GIT_AUTHOR_EMAIL", "t@example.org"),
                        ("GIT_COMMITTER_NAME", "t"), ("GIT_COMMITTER_EMAIL", "t@example.org")):
        monkeypatch.setenv(name, value)
    repo = tmp_path / "newsroom"
    (repo / "incoming").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (repo / ".pre-commit-config.yaml").write_text(f"""\
repos:
  - repo: {ROOT}
    rev: {head_commit}
    hooks:
      - id: clean-news-text
        files: ^incoming/
""")
    (repo / "NOTES.txt").write_text("Advertisement\nThis file is outside incoming/ and stays as it is.\n")
    for case in CASES:
        shutil.copy(GOLDEN / case / "input.txt", repo / "incoming" / f"{case}.txt")
    subprocess.run([*PRE_COMMIT, "install"], cwd=repo, check=True, capture_output=True)
    return repo


@pytest.mark.slow
def test_fixer_hook_cleans_then_passes(repo):
    git(repo, "add", "-A")
    first = git(repo, "commit", "-q", "-m", "incoming news", check=False)
    assert first.returncode != 0, "the first commit is stopped: the hook changed files"
    assert "cleaned incoming/" in first.stdout + first.stderr
    git(repo, "add", "-A")
    second = git(repo, "commit", "-q", "-m", "incoming news, cleaned", check=False)
    assert second.returncode == 0, second.stdout + second.stderr
    for case in CASES:
        committed = git(repo, "show", f"HEAD:incoming/{case}.txt").stdout
        assert committed == (GOLDEN / case / "expected.txt").read_text("utf-8")
    assert git(repo, "show", "HEAD:NOTES.txt").stdout.startswith("Advertisement")


@pytest.mark.slow
def test_check_hook_fails_without_writing(repo):
    config = repo / ".pre-commit-config.yaml"
    config.write_text(config.read_text().replace("clean-news-text", "check-news-text"))
    git(repo, "add", "-A")  # pre-commit looks at the files git tracks
    before = {p: p.read_bytes() for p in (repo / "incoming").iterdir()}
    run = subprocess.run([*PRE_COMMIT, "run", "--all-files"], cwd=repo, capture_output=True, text=True)
    assert run.returncode == 1
    assert "would clean incoming/" in run.stdout
    assert {p: p.read_bytes() for p in (repo / "incoming").iterdir()} == before


def write_repository_files(repo: Path) -> dict[str, bytes]:
    written = {}
    for source, target in REPOSITORY_FILES.items():
        (repo / target).parent.mkdir(parents=True, exist_ok=True)
        (repo / target).write_bytes((ORDINARY / source).read_bytes())
        written[target] = (ORDINARY / source).read_bytes()
    return written


@pytest.mark.slow
def test_hook_without_files_leaves_repository_files_alone(repo):
    """With no `files:` at all, the default exclude keeps README, LICENSE, an RST changelog,
    YAML and a Markdown table out of the hook; the news text is still cleaned."""
    config = repo / ".pre-commit-config.yaml"
    config.write_text(config.read_text().replace("        files: ^incoming/\n", ""))
    before = write_repository_files(repo)
    git(repo, "add", "-A")
    run = subprocess.run([*PRE_COMMIT, "run", "--all-files"], cwd=repo, capture_output=True, text=True)
    assert run.returncode == 1 and "cleaned incoming/" in run.stdout, run.stdout
    assert {name: (repo / name).read_bytes() for name in before} == before
    assert (repo / "incoming" / f"{CASES[0]}.txt").read_text("utf-8") == \
        (GOLDEN / CASES[0] / "expected.txt").read_text("utf-8")


def readme_snippet(marker: str) -> str:
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S)
    return next(b for b in blocks if marker in b)


@pytest.mark.slow
def test_readme_local_hook_works_as_written(repo, monkeypatch):
    """The README's `repo: local` snippet, pasted as it is, with the project installed in the
    environment that commits (here: the one running the tests)."""
    snippet = readme_snippet("repo: local")
    assert "example" not in snippet and "rev:" not in snippet
    (repo / ".pre-commit-config.yaml").write_text(snippet)
    monkeypatch.setenv("PATH", os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    before = write_repository_files(repo)
    git(repo, "add", "-A")
    first = git(repo, "commit", "-q", "-m", "incoming news", check=False)
    assert first.returncode != 0 and "cleaned incoming/" in first.stdout + first.stderr, first.stdout
    git(repo, "add", "-A")
    second = git(repo, "commit", "-q", "-m", "incoming news, cleaned", check=False)
    assert second.returncode == 0, second.stdout + second.stderr
    for case in CASES:
        assert git(repo, "show", f"HEAD:incoming/{case}.txt").stdout == \
            (GOLDEN / case / "expected.txt").read_text("utf-8")
    assert {name: (repo / name).read_bytes() for name in before} == before
    assert git(repo, "show", "HEAD:NOTES.txt").stdout.startswith("Advertisement")


def test_readme_hook_section_names_no_placeholder_address_or_missing_tag():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## pre-commit hook"):]
    section = section[:section.index("\n## ", 1)]
    assert "example.org" not in section and "your-mirror" not in section
    tags = subprocess.run(["git", "tag"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    for rev in re.findall(r"^\s*rev:\s*(\S+)", section, re.M):
        assert rev in tags, f"rev: {rev} is not a tag of this repository"


@pytest.mark.slow
def test_hook_reads_tool_cleaner_of_the_repository(repo):
    """A repository keeps its learned site profile under `rules = [...]` in its own
    pyproject.toml; the hook, run from the repository's root, uses it."""
    from cleaner.learn import Profile, write_profiles

    promo = "Read more Newsroom stories on our front page."
    write_profiles({"example.com": Profile("example.com", 12, {promo: 9})}, str(repo / "rules" / "learned"))
    (repo / "pyproject.toml").write_text('[tool.cleaner]\nrules = ["rules/learned"]\nsite = "example.com"\n')
    story = repo / "incoming" / "story.txt"
    story.write_text(f"Council approves the school budget\n{promo}\nThe council voted on Monday.\n")
    git(repo, "add", "-A")
    run = subprocess.run([*PRE_COMMIT, "run", "--all-files"], cwd=repo, capture_output=True, text=True)
    assert run.returncode == 1, run.stdout
    assert story.read_text() == "Council approves the school budget\nThe council voted on Monday.\n"
    assert "cleaned incoming/story.txt: 1 line: site 1" in run.stdout  # the learned site rule
