"""Which arguments are URLs, which URLs claimtrack fetches (http and https only), and how
politely (FetchPolicy; the fetching itself is claimtrack.io.fetch)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
WEB_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_url(text: str) -> bool:
    """TEXT starts with a scheme and ``://``: meant as a URL, not a file path."""
    return bool(_SCHEME.match(text))


def is_web_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in WEB_SCHEMES


def url_key(url: str) -> str:
    """URL as the request it makes: its scheme and host in lower case, a default port (80
    for http, 443 for https) and the #fragment (never sent) left out, an empty path as /.
    Two URLs with one key are one page: ``HTTP://Example.org:80/a#top`` is
    ``http://example.org/a``. The path and query stay as written (a server may tell their
    case apart); a URL that cannot be split is its own key."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 address, written in brackets
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    user = parts.netloc.rpartition("@")[0]
    netloc = f"{user}@{host}" if user else host
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def url_problem(url: str) -> str | None:
    """Why URL cannot be fetched, in a few words; None for an absolute http(s) URL with a
    host."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme.lower() not in WEB_SCHEMES:
        scheme = f"{parts.scheme}:" if parts.scheme else "a relative link"
        return f"only http:// and https:// URLs are fetched, not {scheme}"
    if not parts.hostname:
        return "the URL names no host"
    return None


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 20.0  # seconds to connect, and to wait for each piece of the answer
    deadline: float = 60.0  # seconds for a whole answer, body included
    max_bytes: int = 10 * 1024 * 1024  # a page or feed larger than this is refused
    max_redirects: int = 5
    retries: int = 2  # more tries after a 5xx answer or a timeout
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    delay: float = 1.0  # seconds between two requests to one host (more if robots.txt asks)
    max_wait: float = 60.0  # cap on a Crawl-delay or Retry-After a server asks for
    robots: bool = True
