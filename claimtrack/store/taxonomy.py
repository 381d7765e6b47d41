"""Topic taxonomy (slug, label, keywords) and the tagger that puts claims under topics.

The tagger is a pure function: a claim's content, quote and section heading in, the
matching topic slugs out. The taxonomy lives in the database (``topics`` table), seeded
from ``claimtrack/data/topics.toml`` or a user's file of the same format.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

from claimtrack.errors import UserError

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class TopicDef:
    slug: str
    label: str
    keywords: tuple[str, ...] = field(default=())

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        terms = [keyword_regex(k) for k in (*self.keywords, self.label) if k.strip()]
        return re.compile("|".join(terms), re.IGNORECASE)

    def matches(self, text: str | None) -> bool:
        return bool(text) and bool(self.pattern.search(text))

    def names(self) -> set[str]:
        """Everything a user may type to mean this topic (lower case)."""
        return {
            self.slug.lower(),
            self.label.lower(),
            *(k.lower().rstrip("*") for k in self.keywords),
        }


def keyword_regex(keyword: str) -> str:
    keyword = keyword.strip()
    prefix = keyword.endswith("*")
    words = [re.escape(w) for w in re.split(r"[\s\-]+", keyword.rstrip("*")) if w]
    body = r"[\s\-]+".join(words)
    tail = r"\w*" if prefix else r"(?:s|es)?"
    return rf"(?<!\w){body}{tail}(?!\w)"


def tag(
    taxonomy: Sequence[TopicDef], content: str, quote: str | None = None, heading: str | None = None
) -> list[tuple[str, str]]:
    """(slug, via) for every topic of the claim: via is "keyword" or "heading"."""
    found: dict[str, str] = {}
    for topic in taxonomy:
        if topic.matches(content) or topic.matches(quote):
            found[topic.slug] = "keyword"
        elif topic.matches(heading):
            found[topic.slug] = "heading"
    return list(found.items())


def default_taxonomy_path() -> Path:
    return Path(str(resources.files("claimtrack") / "data" / "topics.toml"))


def load_taxonomy(path: str | Path | None = None) -> list[TopicDef]:
    """Read a taxonomy file ([[topic]] tables with slug, label, keywords)."""
    path = Path(path) if path else default_taxonomy_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"--taxonomy {path}: no such file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"--taxonomy {path}: not valid TOML ({exc})") from None
    topics = []
    for i, item in enumerate(data.get("topic", []), start=1):
        slug = str(item.get("slug", "")).strip()
        if not SLUG_RE.match(slug):
            raise UserError(
                f"--taxonomy {path}: topic {i} needs a slug like 'ceasefire' (a-z, 0-9, -)"
            )
        keywords = item.get("keywords", [])
        if not isinstance(keywords, list):
            raise UserError(f"--taxonomy {path}: topic {slug}: keywords must be a list of strings")
        topics.append(
            TopicDef(slug, str(item.get("label") or slug), tuple(str(k) for k in keywords))
        )
    if not topics:
        raise UserError(f"--taxonomy {path}: no [[topic]] entries")
    return topics


def find_topics(taxonomy: Iterable[TopicDef], name: str) -> list[TopicDef]:
    """Topics a user means by NAME: slug, label or keyword, case-insensitively."""
    key = name.strip().lower()
    return [t for t in taxonomy if key in t.names()]
