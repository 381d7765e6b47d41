"""Fetch web pages and feeds politely, with httpx: http(s) only, a timeout, a size cap,
redirects followed (each hop checked), the content type checked before the body is read,
retries with backoff on 5xx answers and timeouts, a user agent that says who asks,
robots.txt honoured (with its Crawl-delay) and a delay between two requests to one host.

Every failure is a FetchError whose message is one line saying what happened, e.g.
``HTTP 404 Not Found`` or ``timed out after 20 s (3 tries)``.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from claimtrack.io.urls import WEB_SCHEMES, FetchPolicy, url_problem

if TYPE_CHECKING:  # imported when a request is made (issue 16): a run of files needs none
    import httpx

__all__ = ["FetchError", "FetchPolicy", "Fetched", "Fetcher", "check_url"]

try:
    VERSION = version("claimtrack")
except PackageNotFoundError:  # run from a source tree that was never installed
    VERSION = "0"

ROBOTS_AGENT = "claimtrack"  # the name robots.txt rules address
USER_AGENT = f"claimtrack/{VERSION} (claim-and-source tracker; honours robots.txt)"
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
)
# content types read as a page or a feed; anything else is refused before its body is read
READABLE = {
    "text/html",
    "application/xhtml+xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "text/plain",  # servers that do not know better; the content decides
}
RETRY_STATUSES = {429, 500, 502, 503, 504}
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: at least 500 KiB must be read


class FetchError(Exception):
    """A URL that could not be fetched; the message is one line."""


@dataclass
class Fetched:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int  # 200, or 304 for a conditional request whose resource did not change
    content_type: str | None = None  # the media type alone: "text/html"
    charset: str | None = None  # from the Content-Type header
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class _Host:
    robots: RobotFileParser | None = None  # None: everything allowed
    last: float | None = None  # when the last request to the host ended (clock)
    delay: float = 0.0
    robots_read: bool = False
    robots_error: str | None = None  # why robots.txt could not be read: nothing is fetched


def check_url(url: str) -> str:
    """URL if it is an absolute http(s) URL with a host; FetchError otherwise."""
    problem = url_problem(url)
    if problem:
        raise FetchError(problem)
    return url


@dataclass
class Fetcher:
    """One per run: keeps the connection pool, each host's robots.txt and last request."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _hosts: dict[str, _Host] = field(default_factory=dict, init=False)
    _client: httpx.Client | None = field(default=None, init=False)

    @property
    def client(self) -> httpx.Client:
        import httpx

        if self._client is None:
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.policy.timeout),
                follow_redirects=False,
                headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
                trust_env=True,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- the one public request ---------------------------------------------------------

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """GET URL (following redirects); a conditional request when ETAG or LAST_MODIFIED
        is given (status 304 then means unchanged, with no body). FetchError on failure."""
        check_url(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            self._check_robots(current)
            result = self._get_once(current, headers)
            if isinstance(result, str):  # a redirect: where to
                target = urljoin(current, result)
                try:
                    check_url(target)
                except FetchError as exc:
                    raise FetchError(f"redirected to {target}: {exc}") from None
                current = target
                continue
            result.url = url
            return result
        raise FetchError(f"more than {self.policy.max_redirects} redirects")

    # ---- one request, with retries --------------------------------------------------------

    def _get_once(self, url: str, headers: dict[str, str]) -> Fetched | str:
        import httpx

        tries = self.policy.retries + 1
        for attempt in range(tries):
            last = attempt == tries - 1
            self._wait_for_host(url)
            try:
                outcome = self._request(url, headers)
            except httpx.TimeoutException:
                if last:
                    raise FetchError(
                        f"timed out after {self.policy.timeout:g} s "
                        f"({tries} tr{'y' if tries == 1 else 'ies'})"
                    ) from None
                self.sleep(self._backoff(attempt))
                continue
            finally:
                self._done_with_host(url)
            if isinstance(outcome, _Retry):
                if last:
                    raise FetchError(
                        f"HTTP {outcome.status} {outcome.reason} "
                        f"({tries} tr{'y' if tries == 1 else 'ies'})"
                    )
                self.sleep(outcome.wait if outcome.wait is not None else self._backoff(attempt))
                continue
            return outcome
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int) -> float:
        return min(self.policy.backoff * 2**attempt, self.policy.max_wait)

    def _request(self, url: str, headers: dict[str, str]) -> Fetched | str | _Retry:
        import httpx

        started = self.clock()
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status in RETRY_STATUSES:
                    return _Retry(status, response.reason_phrase, self._retry_after(response))
                if 300 <= status < 400 and status != 304:
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchError(f"HTTP {status} redirect without a Location")
                    return location
                if status >= 400:
                    raise FetchError(f"HTTP {status} {response.reason_phrase}".strip())
                fetched = Fetched(
                    url=url,
                    final_url=str(response.url),
                    status=status,
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"),
                )
                if status == 304:
                    return fetched
                fetched.content_type, fetched.charset = _content_type(response)
                if fetched.content_type and fetched.content_type not in READABLE:
                    raise FetchError(
                        f"not a web page or a feed (content type {fetched.content_type}); "
                        "nothing was read"
                    )
                fetched.body = self._read_body(response, started)
                return fetched
        except httpx.TimeoutException:
            raise
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect to {_host(url)} ({_reason(exc)})") from None
        except httpx.TooManyRedirects:  # pragma: no cover - redirects are followed here
            raise FetchError("too many redirects") from None
        except httpx.DecodingError as exc:
            raise FetchError(f"the server sent a body that cannot be decoded ({exc})") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"the connection failed ({_reason(exc)})") from None

    def _read_body(self, response: httpx.Response, started: float) -> bytes:
        cap = self.policy.max_bytes
        size = _int(response.headers.get("Content-Length"))
        if size is not None and size > cap:
            raise FetchError(f"too large ({_size(size)}; the limit is {_size(cap)}); not read")
        chunks: list[bytes] = []
        total = 0
        for chunk in response.iter_bytes():
            total += len(chunk)
            if total > cap:
                raise FetchError(f"too large (over {_size(cap)}); not read")
            chunks.append(chunk)
            if self.clock() - started > self.policy.deadline:
                raise FetchError(
                    f"the page took more than {self.policy.deadline:g} s to arrive; not read"
                )
        return b"".join(chunks)

    def _retry_after(self, response: httpx.Response) -> float | None:
        value = response.headers.get("Retry-After")
        if not value:
            return None
        seconds = _int(value)
        if seconds is None:
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError):
                return None
            seconds = int(when.timestamp() - time.time())
        return float(min(max(seconds, 0), self.policy.max_wait))

    # ---- politeness -----------------------------------------------------------------------

    def _host_of(self, url: str) -> _Host:
        key = _origin(url)
        if key not in self._hosts:
            self._hosts[key] = _Host(delay=self.policy.delay)
        return self._hosts[key]

    def _wait_for_host(self, url: str) -> None:
        host = self._host_of(url)
        if host.last is not None:
            wait = host.last + host.delay - self.clock()
            if wait > 0:
                self.sleep(wait)

    def _done_with_host(self, url: str) -> None:
        self._host_of(url).last = self.clock()

    def _check_robots(self, url: str) -> None:
        if not self.policy.robots:
            return
        host = self._host_of(url)
        if not host.robots_read:
            host.robots_read = True
            try:
                host.robots = self._read_robots(url)
            except FetchError as exc:
                host.robots_error = str(exc)
            if host.robots is not None:
                asked = host.robots.crawl_delay(ROBOTS_AGENT)
                if asked:
                    host.delay = max(host.delay, min(float(asked), self.policy.max_wait))
        if host.robots_error:
            raise FetchError(host.robots_error)
        if host.robots is not None and not host.robots.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(f"robots.txt of {_host(url)} does not allow claimtrack to fetch it")

    def _read_robots(self, url: str) -> RobotFileParser | None:
        """The host's robots.txt rules; None when it has none (RFC 9309: a 4xx answer
        allows everything). A 5xx answer or a timeout means disallow, for now."""
        import httpx

        robots_url = urlunsplit((*urlsplit(url)[:2], "/robots.txt", "", ""))
        headers: dict[str, str] = {}
        current = robots_url
        for _hop in range(self.policy.max_redirects + 1):
            self._wait_for_host(current)
            try:
                with self.client.stream("GET", current, headers=headers) as response:
                    status = response.status_code
                    if 300 <= status < 400 and response.headers.get("Location"):
                        current = urljoin(current, response.headers["Location"])
                        if urlsplit(current).scheme not in WEB_SCHEMES:
                            return None
                        continue
                    if 400 <= status < 500:
                        return None
                    if status >= 500:
                        raise FetchError(
                            f"robots.txt of {_host(url)} could not be read (HTTP {status}); "
                            "not fetched: try again later"
                        )
                    body = b""
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) >= ROBOTS_MAX_BYTES:
                            break
            except httpx.TimeoutException:
                raise FetchError(
                    f"robots.txt of {_host(url)} timed out after {self.policy.timeout:g} s; "
                    "not fetched: try again later"
                ) from None
            except httpx.ConnectError as exc:
                raise FetchError(f"cannot connect to {_host(url)} ({_reason(exc)})") from None
            except httpx.HTTPError as exc:
                raise FetchError(
                    f"robots.txt of {_host(url)} could not be read ({_reason(exc)})"
                ) from None
            finally:
                self._done_with_host(current)
            parser = RobotFileParser()
            parser.parse(body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace").splitlines())
            return parser
        return None


@dataclass(frozen=True)
class _Retry:
    status: int
    reason: str
    wait: float | None


def _content_type(response: httpx.Response) -> tuple[str | None, str | None]:
    value = response.headers.get("Content-Type")
    if not value:
        return None, None
    kind, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, val = param.partition("=")
        if name.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    kind = kind.strip().lower()
    if kind.endswith("+xml") and kind not in READABLE:
        kind = "application/xml"  # application/foo+xml: XML, the content decides
    return kind or None, charset


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{(parts.netloc or '').lower()}"


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    if "Connection refused" in text or "ECONNREFUSED" in text:
        return "connection refused"
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "no such host"
    if "Temporary failure in name resolution" in text:
        return "the host name could not be looked up"
    return text.splitlines()[0] if text else type(exc).__name__


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"
