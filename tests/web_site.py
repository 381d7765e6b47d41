"""A real HTTP server on 127.0.0.1 for the web tests: the pages and feeds of
tests/fixtures/web/ (written for the project), and routes that misbehave on purpose.

Every request is logged (method, path, headers, status), so a test can check what was asked
and answered: a 304, the retries after a 500, the user agent.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "web"
LAST_MODIFIED = formatdate(1739260800, usegmt=True)  # 2025-02-11, fixed
ROBOTS = b"User-agent: *\nDisallow: /private/\n\nUser-agent: claimtrack\nDisallow: /private/\n"
TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/rss+xml; charset=utf-8"}


@dataclass
class Hit:
    path: str
    status: int
    headers: dict[str, str]


@dataclass
class Site:
    port: int = 0
    hits: list[Hit] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    robots: bytes | None = ROBOTS  # None: robots.txt answers 404
    slow_seconds: float = 3.0
    flaky_failures: int = 1  # /flaky answers 503 this many times, then the page
    files: dict[str, bytes] = field(default_factory=dict)  # extra paths served as given

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"

    def statuses(self, path: str) -> list[int]:
        with self.lock:
            return [h.status for h in self.hits if h.path == path]

    def paths(self) -> list[str]:
        with self.lock:
            return [h.path for h in self.hits]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # the log is site.hits

        def send(self, status: int, body: bytes = b"", headers: dict | None = None) -> None:
            with site.lock:
                site.hits.append(Hit(self.path, status, dict(self.headers.items())))
            self.send_response(status)
            headers = dict(headers or {})
            headers.setdefault("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if body and self.command != "HEAD":
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test): nothing to tell

        def serve_file(self, name: str, content_type: str | None = None) -> None:
            body = (FIXTURES / name).read_bytes()
            etag = f'"{len(body)}-{sum(body) % 100000}"'
            headers = {
                "Content-Type": content_type or TYPES.get(Path(name).suffix, "text/plain"),
                "ETag": etag,
                "Last-Modified": LAST_MODIFIED,
            }
            if self.headers.get("If-None-Match") == etag:
                self.send(304, headers={"ETag": etag, "Content-Length": "0"})
                return
            self.send(200, body, headers)

        def do_GET(self) -> None:  # noqa: N802, C901 - one route table
            path = self.path.split("?")[0]
            name = path.lstrip("/")
            if path in site.files:
                self.send(200, site.files[path], {"Content-Type": "text/html; charset=utf-8"})
            elif path == "/robots.txt":
                if site.robots is None:
                    self.send(404, b"not here", {"Content-Type": "text/plain"})
                else:
                    self.send(200, site.robots, {"Content-Type": "text/plain"})
            elif path == "/atom.xml":
                self.serve_file("atom.xml", "application/atom+xml")
            elif path == "/feed-as-text":  # a feed served with the wrong content type
                self.serve_file("feed.xml", "text/plain")
            elif path == "/moved":
                self.send(301, headers={"Location": "/harbour-ferries.html"})
            elif path == "/moved-twice":
                self.send(302, headers={"Location": self.path.replace("-twice", "")})
            elif path == "/loop":
                self.send(302, headers={"Location": "/loop"})
            elif path == "/to-ftp":
                self.send(301, headers={"Location": "ftp://127.0.0.1/file.html"})
            elif path == "/broken":
                self.send(500, b"<h1>Internal Server Error</h1>", {"Content-Type": "text/html"})
            elif path == "/flaky":
                failed = sum(1 for h in site.hits if h.path == "/flaky" and h.status == 503)
                if failed < site.flaky_failures:
                    self.send(503, b"busy", {"Content-Type": "text/plain", "Retry-After": "0"})
                else:
                    self.serve_file("budget-vote.html")
            elif path == "/slow":
                time.sleep(site.slow_seconds)
                self.serve_file("budget-vote.html")
            elif path == "/huge":  # no Content-Length: the size is found while reading
                with site.lock:
                    site.hits.append(Hit(self.path, 200, dict(self.headers.items())))
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"<p>" + b"filler text " * 8000 + b"</p>\n"
                try:
                    for _ in range(12 * 1024 * 1024 // len(chunk) + 1):
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                self.close_connection = True
            elif path == "/huge-declared":
                self.send(
                    200,
                    b"",
                    {"Content-Type": "text/html", "Content-Length": str(50 * 1024 * 1024)},
                )
                self.close_connection = True
            elif path == "/picture.png":
                self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(200), {"Content-Type": "image/png"})
            elif path == "/binary.html":
                self.send(200, b"<html>\x00\x01\x02" + bytes(300), {"Content-Type": "text/html"})
            elif path == "/data.json":
                self.send(200, b'{"a": 1}', {"Content-Type": "text/plain"})
            elif path == "/broken-feed.xml":
                body = (FIXTURES / "feed.xml").read_bytes()
                self.send(200, body[: len(body) // 2], {"Content-Type": "application/rss+xml"})
            elif path == "/gzipped.html":
                body = gzip.compress((FIXTURES / "library-hours.html").read_bytes())
                self.send(200, body, {"Content-Type": "text/html", "Content-Encoding": "gzip"})
            elif path.startswith("/private/"):
                self.serve_file("budget-vote.html")
            elif name and (FIXTURES / name).is_file() and "/" not in name:
                self.serve_file(name)
            else:
                self.send(404, b"<h1>Not Found</h1>", {"Content-Type": "text/html"})

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        """Quiet: a handler still writing after its client gave up would print a traceback
        on the stderr of whichever test runs then (CliRunner's, in the next test)."""


@contextmanager
def serve(site: Site | None = None) -> Iterator[Site]:
    """Run SITE on 127.0.0.1 (a free port) for the block; stopped afterwards."""
    site = site or Site()
    server = _Server(("127.0.0.1", 0), _handler(site))
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def main() -> None:
    """``python -m tests.web_site [SECONDS]``: serve the test site on a free port of
    127.0.0.1, print its URL, and stop after SECONDS (default 600) or when killed. The docs
    (docs/web.md) run their URL and feed examples against it."""
    import sys

    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 600.0
    with serve() as site:
        print(site.url("").rstrip("/"), flush=True)
        time.sleep(seconds)


if __name__ == "__main__":
    main()
