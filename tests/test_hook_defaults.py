"""The hooks' default exclude: a repository's own files are never handed to clean."""
from __future__ import annotations

import re

import pytest

from .conftest import ROOT


# --- the hook's default exclude -----------------------------------------------------

def hooks() -> list[dict]:
    import yaml  # pre-commit's dependency, installed with the test extra

    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))


REPOSITORY_FILES = ["README.md", "README", "README.rst", "LICENSE", "LICENSE.txt", "LICENCE", "COPYING",
                    "CHANGELOG", "CHANGELOG.rst", "CHANGELOG.md", "CHANGES.txt", "HISTORY.txt", "NEWS",
                    "NOTICE", "NOTICE.txt", "AUTHORS", "AUTHORS.txt", "CONTRIBUTING", "CONTRIBUTING.txt",
                    "CODE_OF_CONDUCT.txt", "SECURITY.txt", "docs/guide.md", "docs/index.rst",
                    "sub/dir/LICENSE", "requirements.txt", "requirements-dev.txt", "setup.cfg"]
NEWS_FILES = ["incoming/story.txt", "news/2024/06/council-budget.txt", "news.txt", "notes.txt",
              "incoming/license-plates-auction.txt", "readme-of-the-week/story.txt", "scraped/NEWS-1.txt"]


@pytest.mark.parametrize("hook", ["clean-news-text", "check-news-text"])
def test_hook_excludes_repository_files_by_default(hook):
    from identify import identify

    manifest = next(h for h in hooks() if h["id"] == hook)
    exclude = re.compile(manifest["exclude"])
    types = set(manifest["types"])

    def selected(path):
        return types <= identify.tags_from_filename(path) and not exclude.search(path)

    assert [p for p in REPOSITORY_FILES if selected(p)] == []
    assert [p for p in NEWS_FILES if not selected(p)] == []
