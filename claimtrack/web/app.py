"""The web application behind ``claimtrack serve`` (Starlette + Jinja2, rendered on the server).

Every page asks the same query functions as the command line (``who-said``'s ClaimFilter and
iter_rows, ``show``'s claim_detail, the listings) and changes the record only through the
curation functions (``curate.review`` for verdicts, ``curate.corrections`` for a speaker,
a date, a rejection, an undo), so each change lands in the same audit log as the command
line's. Every stored text reaches the page through
Jinja2 with autoescaping on.

Writes (POST) carry a CSRF token (double submit: a random cookie and the same value in the
form); when the app is made with a ``token`` they need it too (``--token``), and with
``read_only`` they are refused.
"""

from __future__ import annotations

import hmac
import io
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.orm import Session
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from claimtrack.curate import corrections as correcting
from claimtrack.curate import review as reviewing
from claimtrack.errors import UserError
from claimtrack.io.isodate import parse_date
from claimtrack.io.writers import to_json, write_records
from claimtrack.query import listings, lookups
from claimtrack.query.claims import (
    EXPORT_COLUMNS,
    ClaimFilter,
    claims_query,
    iter_rows,
    rows_before,
)
from claimtrack.query.claims import _rows as claim_rows
from claimtrack.query.detail import claim_detail
from claimtrack.store import engine as dbmod
from claimtrack.store.ids import parse_id
from claimtrack.store.models import ACTOR_KINDS, ATTRIBUTIONS, REJECT_REASONS, STATUSES, Claim
from claimtrack.web.marks import claim_spans, pieces, timeline_chart

HERE = Path(__file__).parent
PAGE_SIZE = 50
REVIEW_PAGE = 50
CSRF_COOKIE = "claimtrack_csrf"
SORTS = ("oldest", "newest")  # ?sort=: the date order, or backwards (--newest-first)
DOWNLOADS = {"csv": "text/csv", "json": "application/json", "jsonl": "application/x-ndjson"}
YES = ("1", "true", "on")  # what a flag parameter takes (?said-only=1, ?every=on)


def _by(form: dict) -> correcting.By:
    """Who made a change from the page and why (the form's by and why fields)."""
    return correcting.By(
        (form.get("by") or "").strip() or None, (form.get("why") or "").strip() or None
    )


def _text(form: dict, name: str, what: str) -> str:
    value = (form.get(name) or "").strip()
    if not value:
        raise UserError(f"give {what}")
    return value


# Corrections a reviewer makes from a claim's page or the review queue: the path's action ->
# (button label, a function of (session, claim id, form)) calling the curation code the
# `claimtrack claims` commands call.
CORRECTIONS: dict[str, tuple[str, Callable[[Session, int, dict], object]]] = {
    "speaker": (
        "Reassign speaker",
        lambda s, i, f: correcting.set_speaker(s, i, _text(f, "speaker", "the speaker's name or #id"), _by(f)),
    ),
    "said": (
        "Set date said",
        lambda s, i, f: correcting.set_said(s, i, _text(f, "said", "a date: YYYY, YYYY-MM, YYYY-MM-DD, before/by YYYY-MM-DD or unknown"), _by(f)),
    ),
    "reject": (
        "Reject",
        lambda s, i, f: correcting.reject(s, i, (f.get("reason") or "").strip(), _by(f)),
    ),
    "restore": ("Restore", lambda s, i, f: correcting.restore(s, i, _by(f))),
    "undo": ("Undo the last correction", lambda s, i, f: correcting.undo(s, i, _by(f))),
}  # fmt: skip


PAGING = ("page", "after", "before")  # the query parameters that pick a page, not the selection


def page_filter(flt: ClaimFilter, start: int, after: str | None) -> tuple[ClaimFilter, int]:
    """The filter of the page whose first row is row START of FLT's selection, and how many
    rows it skips: with AFTER (the cursor of the previous page's last row), none (the rows
    after it, from one index range); without, START (a page reached by its number, as
    ?page= links made before the cursor were). One row more than a page: is there a next?"""
    stop = PAGE_SIZE + 1 if after else start + PAGE_SIZE + 1
    if flt.limit is not None:  # the selection's own limit still counts from its first row
        stop = max(min(stop, flt.limit - (start if after else 0)), 1)
    return replace(flt, limit=stop, after=after), 0 if after else start


def page_before(session: Session, flt: ClaimFilter, before: str, every: bool) -> list[dict]:
    """The page that ends just before the row at cursor BEFORE (a previous link), with the
    row before it when there is one (then the page is not the first): read backwards from
    the cursor (keyset, as ?after=), never skipped to."""
    return rows_before(session, replace(flt, limit=PAGE_SIZE + 1), before, first_only=not every)


def json_response(value: object, status: int = 200) -> Response:
    return Response(to_json(value, indent=2) + "\n", status, media_type="application/json")


class Web:
    """The routes over one database."""

    def __init__(self, db: str | None, *, read_only: bool = False, token: str | None = None):
        self.engine = dbmod.open_engine(db, create=False)
        self.read_only = read_only
        self.token = token
        self.templates = Environment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
        )
        self.templates.globals.update(
            statuses=STATUSES,
            attributions=ATTRIBUTIONS,
            reject_reasons=REJECT_REASONS,
            corrections=CORRECTIONS,
        )

    # ---- plumbing ---------------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        with dbmod.session_scope(self.engine) as s:
            yield s

    def page(self, request: Request, template: str, status: int = 200, **context) -> Response:
        csrf = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        html = self.templates.get_template(template).render(
            request=request,
            csrf=csrf,
            writable=not self.read_only,
            token_needed=self.token is not None,
            **context,
        )
        response = HTMLResponse(html, status)
        if request.cookies.get(CSRF_COOKIE) != csrf:
            response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict")
        return response

    def error(self, request: Request, message: str, status: int, as_json: bool) -> Response:
        if as_json:
            return json_response({"error": message}, status)
        return self.page(request, "error.html", status, message=message)

    async def check_write(self, request: Request) -> dict:
        """The form of a POST, once its CSRF token (and write token, when one is set) match."""
        if self.read_only:
            raise HTTPException(403, "this claimtrack serve is read-only (--read-only)")
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        cookie = request.cookies.get(CSRF_COOKIE, "")
        if not cookie or not hmac.compare_digest(cookie, form.get("csrf", "")):
            raise HTTPException(403, "the form's CSRF token is missing or stale: reload the page")
        if self.token is not None:
            given = form.get("token") or request.headers.get("x-claimtrack-token", "")
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                raise HTTPException(403, "this write needs the server's token (--token)")
        return form

    # ---- claims -----------------------------------------------------------------------

    @staticmethod
    def claim_filter(request: Request, limit: int | None = None) -> ClaimFilter:
        """who-said's filter from the URL: each option is a parameter of its name (--topic is
        ?topic=, --min-confidence is ?min-confidence=)."""
        q = request.query_params

        def get(name: str) -> str | None:  # ?published-since= or ?published_since=
            return (q.get(name) or q.get(name.replace("-", "_")) or "").strip() or None

        attribution, status = get("attribution"), get("status")
        if attribution and attribution not in ATTRIBUTIONS:
            raise UserError(f"attribution={attribution}: use one of {', '.join(ATTRIBUTIONS)}")
        if status and status not in STATUSES:
            raise UserError(f"status={status}: use one of {', '.join(STATUSES)}")
        sort = get("sort") or "oldest"
        if sort not in SORTS:
            raise UserError(f"sort={sort}: use {' or '.join(SORTS)}")
        given_limit = get("limit")
        if given_limit is not None:
            n = parse_id(given_limit)
            if not n:
                raise UserError(f"limit={given_limit}: give a whole number of claims, e.g. 100")
            limit = n if limit is None else min(n, limit)
        return ClaimFilter(
            topic=get("topic"),
            actor=get("actor"),
            since=parse_date(get("since"), what="since"),
            until=parse_date(get("until"), what="until"),
            source=get("source"),
            outlet=get("outlet"),
            search=get("search"),
            attribution=attribution,
            status=status,
            published_since=parse_date(get("published-since"), what="published-since"),
            published_until=parse_date(get("published-until"), what="published-until"),
            min_confidence=confidence(get("min-confidence")),
            said_only=(get("said-only") or "").lower() in YES,
            include_rejected=(get("include-rejected") or "").lower() in YES,
            limit=limit,
            newest_first=sort == "newest",
        )

    @staticmethod
    def every(request: Request) -> bool:
        return (request.query_params.get("every") or "").lower() in YES

    def claims(self, request: Request) -> Response:
        fmt = request.path_params.get("fmt")
        try:
            page = max(parse_id(request.query_params.get("page") or "1") or 1, 1)
            if fmt:
                if fmt not in DOWNLOADS:
                    return self.error(
                        request, f"no /claims.{fmt}: use .csv, .json or .jsonl", 404, True
                    )
                return self.download(request, fmt)
            flt = self.claim_filter(request)
            every = self.every(request)
            before = request.query_params.get("before") or None
            with self.session() as s:
                rows = page_before(s, flt, before, every) if before else []
                if before and len(rows) >= PAGE_SIZE:  # back from a cursor: a whole page
                    earlier = len(rows) > PAGE_SIZE  # and a row before it: not the first
                    page, rows = (max(page, 2), rows[1:]) if earlier else (1, rows)
                else:  # forward; or back at the start (rows gone since too): the first page
                    page = 1 if before else page
                    before, after = None, request.query_params.get("after") or None
                    paged, skip = page_filter(flt, (page - 1) * PAGE_SIZE, after)
                    rows = list(iter_rows(s, paged, first_only=not every, skip=skip))
                    earlier = page > 1 or after is not None
            start = (page - 1) * PAGE_SIZE
        except UserError as exc:
            return self.error(request, str(exc), 400, bool(fmt))
        shown = rows[:PAGE_SIZE]
        more = (before is not None or len(rows) > PAGE_SIZE) and (
            flt.limit is None or start + PAGE_SIZE < flt.limit
        )
        params = {k: v for k, v in request.query_params.items() if k not in PAGING and v}
        # both ways keyset: next reads on after the last row shown, previous back from the
        # first (a page reached by its number alone too); by number only when a row has no
        # cursor (another order)
        last = shown[-1]["cursor"] if more else None
        first = shown[0]["cursor"] if earlier and shown else None
        ahead = {"page": page + 1, **({"after": last} if last else {})}
        back = {"page": page - 1, **({"before": first} if first else {})}
        return self.page(
            request,
            "claims.html",
            rows=shown,
            page=page,
            first=start + 1,
            prev_url=f"/claims?{urlencode({**params, **back})}" if earlier and shown else None,
            next_url=f"/claims?{urlencode({**params, **ahead})}" if more else None,
            query=params,
            downloads={f: f"/claims.{f}?{urlencode(params)}" for f in DOWNLOADS},
        )

    def download(self, request: Request, fmt: str) -> Response:
        """The listing's selection (all pages) with the export contract's columns."""
        flt = self.claim_filter(request)
        out = io.StringIO()
        with self.session() as s:
            write_records(
                iter_rows(s, flt, first_only=not self.every(request)), EXPORT_COLUMNS, fmt, out
            )
        headers = {}
        if request.query_params.get("download") or fmt != "json":
            headers["content-disposition"] = f'attachment; filename="claims.{fmt}"'
        return Response(out.getvalue(), media_type=DOWNLOADS[fmt], headers=headers)

    def claim(self, request: Request) -> Response:
        as_json = request.url.path.endswith(".json")
        try:
            with self.session() as s:
                detail = claim_detail(s, request.path_params["claim_id"])
        except UserError as exc:
            return self.error(request, str(exc), 404, as_json)
        if as_json:
            return json_response(detail)
        par = detail["paragraph"]
        marked = pieces(
            par["text"],
            par["start"],
            [(h["kind"], h["start"], h["end"], None) for h in par["highlights"]],
        )
        return self.page(request, "claim.html", d=detail, marked=marked)

    # ---- actors, sources, topics --------------------------------------------------------

    def actors(self, request: Request) -> Response:
        kind = request.query_params.get("kind") or None
        if kind is not None and kind not in ACTOR_KINDS:
            why = f"kind {kind}: use one of {', '.join(ACTOR_KINDS)}"
            return self.error(request, why, 400, request.url.path.endswith(".json"))
        with self.session() as s:
            rows = list(listings.iter_actors(s, kind))
        if request.url.path.endswith(".json"):
            return json_response(rows)
        return self.page(request, "actors.html", rows=rows, kinds=ACTOR_KINDS)

    def actor(self, request: Request) -> Response:
        as_json = request.url.path.endswith(".json")
        n = request.path_params["actor_id"]
        try:
            with self.session() as s:
                actor = lookups.get_actor(s, f"#{n}")
                claims = list(iter_rows(s, ClaimFilter(actor=f"#{actor.id}"), first_only=True))
                row = listings.actor_row(actor, len(claims))
        except UserError as exc:
            return self.error(request, str(exc), 404, as_json)
        if as_json:
            return json_response({**row, "claim_ids": [c["claim_id"] for c in claims]})
        return self.page(
            request, "actor.html", actor=row, rows=claims, chart=timeline_chart(claims)
        )

    def sources(self, request: Request) -> Response:
        with self.session() as s:
            rows = list(listings.iter_sources(s))
        if request.url.path.endswith(".json"):
            return json_response(rows)
        return self.page(request, "sources.html", rows=rows)

    def source(self, request: Request) -> Response:
        as_json = request.url.path.endswith(".json")
        n = request.path_params["source_id"]
        try:
            with self.session() as s:
                source = lookups.get_source(s, f"#{n}")
                claims = list(iter_rows(s, ClaimFilter(source=f"#{source.id}")))
                row = listings.source_row(source, len(claims))
                text = source.text
        except UserError as exc:
            return self.error(request, str(exc), 404, as_json)
        if as_json:
            return json_response({**row, "claim_ids": [c["claim_id"] for c in claims]})
        spans = [span for c in claims for span in claim_spans(c)]
        return self.page(
            request, "source.html", source=row, rows=claims, marked=pieces(text, 0, spans)
        )

    def topics(self, request: Request) -> Response:
        with self.session() as s:
            rows = list(listings.iter_topics(s))
        if request.url.path.endswith(".json"):
            return json_response(rows)
        return self.page(request, "topics.html", rows=rows)

    # ---- review -----------------------------------------------------------------------

    def review_queue(self, request: Request) -> Response:
        """Unreviewed claims (one row per claim), least confident first: who-said's filter
        (claims_query, status unreviewed) in confidence order, the first REVIEW_PAGE."""
        flt = ClaimFilter(status="unreviewed", limit=REVIEW_PAGE)
        with self.session() as s:
            stmt = claims_query(s, flt).order_by(None).order_by(Claim.confidence, Claim.id)
            rows = list(claim_rows(s, stmt.limit(REVIEW_PAGE * 4), flt, 500, first_only=True))
        if request.url.path.endswith(".json"):
            return json_response([{c: r[c] for c in EXPORT_COLUMNS} for r in rows])
        return self.page(request, "review.html", rows=rows, most=REVIEW_PAGE)

    async def post_review(self, request: Request) -> Response:
        form = await self.check_write(request)
        claim_id = request.path_params["claim_id"]
        back = back_to(form, claim_id)
        try:
            with self.session() as s:
                reviewing.review(
                    s, claim_id, form.get("status", ""), form.get("note"), form.get("by")
                )
        except UserError as exc:
            return self.error(request, str(exc), 400, False)
        return RedirectResponse(back, 303)

    async def post_correction(self, request: Request) -> Response:
        form = await self.check_write(request)
        action = request.path_params["action"]
        if action not in CORRECTIONS:
            raise HTTPException(404, f"no correction {action!r} in this claimtrack")
        claim_id = request.path_params["claim_id"]
        try:
            with self.session() as s:
                CORRECTIONS[action][1](s, claim_id, form)
        except UserError as exc:
            return self.error(request, str(exc), 400, False)
        return RedirectResponse(back_to(form, claim_id), 303)


def back_to(form: dict, claim_id: int) -> str:
    """Where a write sends the browser: the form's next page on this site, else the claim."""
    back = form.get("next") or ""
    if not back.startswith("/") or back.startswith("//") or "\\" in back:
        return f"/claims/{claim_id}"
    return back


def confidence(value: str | None) -> float | None:
    """?min-confidence=0.8 as a number between 0 and 1 (None when not given)."""
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 1:
        raise UserError(f"min-confidence={value}: give a number from 0 to 1, e.g. 0.8")
    return number


def create_app(
    db: str | None = None, *, read_only: bool = False, token: str | None = None
) -> Starlette:
    """The web app over DB (a path or URL, as --db); UserError when it cannot be opened."""
    web = Web(db, read_only=read_only, token=token)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        as_json = request.url.path.endswith(".json")
        return web.error(request, exc.detail, exc.status_code, as_json)

    routes = [
        Route("/", lambda request: RedirectResponse("/claims", 302)),
        Route("/claims", web.claims),
        Route("/claims.{fmt:str}", web.claims),
        Route("/claims/{claim_id:int}.json", web.claim),
        Route("/claims/{claim_id:int}", web.claim),
        Route("/claims/{claim_id:int}/review", web.post_review, methods=["POST"]),
        Route("/claims/{claim_id:int}/{action:str}", web.post_correction, methods=["POST"]),
        Route("/actors", web.actors),
        Route("/actors.json", web.actors),
        Route("/actors/{actor_id:int}.json", web.actor),
        Route("/actors/{actor_id:int}", web.actor),
        Route("/sources", web.sources),
        Route("/sources.json", web.sources),
        Route("/sources/{source_id:int}.json", web.source),
        Route("/sources/{source_id:int}", web.source),
        Route("/topics", web.topics),
        Route("/topics.json", web.topics),
        Route("/review", web.review_queue),
        Route("/review.json", web.review_queue),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error})
    app.state.web = web
    return app
