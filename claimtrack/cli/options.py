"""The options commands share, declared once; a command takes each bundle as one value.

    @bundled(flt=CLAIM_FILTERS, out=OUTPUT)
    def who_said(*, flt: ClaimFilter, out: OutputOptions, db: DbOpt = None) -> None: ...

Typer reads a command's options from its signature: ``bundled`` puts a bundle's options where
the command names the bundle (so --help lists them there), and calls the command with the value
built from them: a ``ClaimFilter`` from the claim filters, an ``OutputOptions`` from --format,
-o and --bom, a ``ClaimColumns`` from --appearances and --found-by.

A new claim filter is one more ``Option`` in CLAIM_FILTERS, named as its ClaimFilter field
(with ``convert`` when the command line's value is not the field's): who-said, timeline and
export all take it.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

import typer

from claimtrack.cli.common import Attribution, Status, date_option
from claimtrack.cli.render import Format, OutputOptions
from claimtrack.query.columns import (
    BEST_DAY_COLUMNS,
    CORRECTION_COLUMNS,
    EXPORT_COLUMNS,
    LISTING_COLUMNS,
)
from claimtrack.query.dating import DATE_COLUMNS
from claimtrack.query.filters import ClaimFilter

__all__ = [
    "CLAIM_COLUMNS",
    "CLAIM_FILTERS",
    "DOCUMENT_DETAILS",
    "OUTPUT",
    "BomOpt",
    "Bundle",
    "ClaimColumns",
    "EveryOpt",
    "FormatOpt",
    "OutputOpt",
    "OutputOptions",
    "Option",
    "bundled",
]


@dataclass(frozen=True)
class Option:
    """One command-line option of a bundle: the name of the field it fills, its Typer
    annotation, its default, and how its value becomes the field's."""

    name: str
    annotation: Any
    default: Any = None
    convert: Callable[[Any], Any] | None = None

    def parameter(self) -> inspect.Parameter:
        kind = inspect.Parameter.KEYWORD_ONLY
        return inspect.Parameter(self.name, kind, default=self.default, annotation=self.annotation)


@dataclass(frozen=True)
class Bundle:
    """Options, in --help order, and the class whose value they build (one field each)."""

    options: tuple[Option, ...]
    builds: Callable[..., Any]

    def build(self, values: dict[str, Any]) -> Any:
        return self.builds(
            **{
                o.name: o.convert(values[o.name]) if o.convert else values[o.name]
                for o in self.options
            }
        )

    def led_by(self, name: str) -> Bundle:
        """The same options with NAME first (a command that is mostly about it)."""
        lead = [o for o in self.options if o.name == name]
        return replace(self, options=(*lead, *(o for o in self.options if o.name != name)))

    def with_option(self, name: str, annotation: Any) -> Bundle:
        """The same options with NAME declared otherwise (a command's own help or choices)."""
        options = tuple(
            replace(o, annotation=annotation) if o.name == name else o for o in self.options
        )
        return replace(self, options=options)


def bundled(**bundles: Bundle) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give the command each bundle's options in place of the parameter it names, and the
    value built from them as that parameter."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(command, eval_str=True)
        params: list[inspect.Parameter] = []
        for p in signature.parameters.values():
            if p.name in bundles:
                params += [o.parameter() for o in bundles[p.name].options]
            else:
                params.append(p.replace(kind=inspect.Parameter.KEYWORD_ONLY))

        @functools.wraps(command)
        def run(**values: Any) -> Any:
            for name, bundle in bundles.items():
                taken = {o.name: values.pop(o.name) for o in bundle.options}
                values[name] = bundle.build(taken)
            return command(**values)

        run.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in params}
        return run

    return decorate


# ---- the claim filters --------------------------------------------------------------------


def _enum_value(value: Any) -> Any:
    return value.value if value is not None else None


CLAIM_FILTERS = Bundle(
    (
        Option("topic", Annotated[str | None, typer.Option(help="Topic slug, label or keyword.")]),
        Option(
            "actor",
            Annotated[
                str | None,
                typer.Option(help="Speaker: name, alias or surname (any case, accents optional)."),
            ],
        ),
        Option(
            "since",
            Annotated[
                str | None,
                typer.Option(
                    help="On or after YYYY-MM-DD, by the best day known: the day said, else "
                    "the article's publication day (see --said-only)."
                ),
            ],
            convert=lambda v: date_option(v, "--since"),
        ),
        Option(
            "until",
            Annotated[
                str | None,
                typer.Option(help="On or before YYYY-MM-DD, by the best day known."),
            ],
            convert=lambda v: date_option(v, "--until"),
        ),
        Option(
            "said_only",
            Annotated[
                bool,
                typer.Option(
                    "--said-only",
                    help="--since/--until match only the day a claim is known to have been "
                    "said (a claim without a said day is left out).",
                ),
            ],
            default=False,
        ),
        Option(
            "published_since",
            Annotated[str | None, typer.Option(help="Article published on or after YYYY-MM-DD.")],
            convert=lambda v: date_option(v, "--published-since"),
        ),
        Option(
            "published_until",
            Annotated[str | None, typer.Option(help="Article published on or before YYYY-MM-DD.")],
            convert=lambda v: date_option(v, "--published-until"),
        ),
        Option(
            "source",
            Annotated[
                str | None,
                typer.Option(help="Source id, or part of its title, outlet, path or URL."),
            ],
        ),
        Option(
            "outlet",
            Annotated[
                str | None,
                typer.Option(help="The source's outlet, exactly (any case), e.g. 'The Daily'."),
            ],
        ),
        Option(
            "search",
            Annotated[
                str | None,
                typer.Option(
                    help="Words that must all appear in the claim, its quote or its speaker."
                ),
            ],
        ),
        Option(
            "attribution",
            Annotated[Attribution | None, typer.Option(help="How the claim is attributed.")],
            convert=_enum_value,
        ),
        Option(
            "status",
            Annotated[Status | None, typer.Option(help="Review status.")],
            convert=_enum_value,
        ),
        Option(
            "min_confidence",
            Annotated[
                float | None,
                typer.Option(
                    min=0.0, max=1.0, help="Only claims the extractor is this sure of (0-1)."
                ),
            ],
        ),
        Option(
            "include_rejected",
            Annotated[
                bool,
                typer.Option(
                    "--include-rejected", help="Show rejected claims too (`claims reject`)."
                ),
            ],
            default=False,
        ),
        Option(
            "limit", Annotated[int | None, typer.Option(min=1, help="At most this many claims.")]
        ),
        Option(
            "newest_first",
            Annotated[
                bool,
                typer.Option(
                    "--newest-first",
                    help="Latest claims first (a claim in several sources: its latest row).",
                ),
            ],
            default=False,
        ),
        Option(
            "after",
            Annotated[
                str | None,
                typer.Option(
                    metavar="CURSOR",
                    help="The next page: the claims listed after this cursor, which a listing "
                    "cut by --limit prints last (the same filters and order as that listing).",
                ),
            ],
        ),
    ),
    ClaimFilter,
)

# ---- which rows and columns of claims -----------------------------------------------------

EveryOpt = Annotated[
    bool,
    typer.Option(
        "--every-appearance",
        help="One row per source that reported a claim (default: one row per claim).",
    ),
]


@dataclass(frozen=True)
class ClaimColumns:
    """The export contract's columns, exactly; the appearance columns and found_by only when
    asked for, after them."""

    appearances: bool = False
    found_by: bool = False
    best_day: bool = False
    corrections: bool = False
    speakers: bool = False
    dates: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (
            (LISTING_COLUMNS if self.appearances else EXPORT_COLUMNS)
            + (("found_by",) if self.found_by else ())
            + (BEST_DAY_COLUMNS if self.best_day else ())
            + (CORRECTION_COLUMNS if self.corrections else ())
            + (("speakers",) if self.speakers else ())
            + (DATE_COLUMNS if self.dates else ())
        )


CLAIM_COLUMNS = Bundle(
    (
        Option(
            "appearances",
            Annotated[
                bool,
                typer.Option(
                    "--appearances",
                    help="Add first_seen_claim_id and appearances after the export contract's "
                    "columns.",
                ),
            ],
            default=False,
        ),
        Option(
            "found_by",
            Annotated[
                bool,
                typer.Option(
                    "--found-by",
                    help="Add found_by after the other columns: rules, or detector for a claim "
                    "only the learned detector found (less sure).",
                ),
            ],
            default=False,
        ),
        Option(
            "best_day",
            Annotated[
                bool,
                typer.Option(
                    "--best-day",
                    help="Add best_day and day_basis: the day --since/--until match on, and "
                    "whether it is the day said or the article's publication day.",
                ),
            ],
            default=False,
        ),
        Option(
            "corrections",
            Annotated[
                bool,
                typer.Option(
                    "--corrections",
                    help="Add short_text and rejected (the reason), set by `claimtrack claims`.",
                ),
            ],
            default=False,
        ),
        Option(
            "speakers",
            Annotated[
                bool,
                typer.Option(
                    "--speakers",
                    help="Add speakers after the other columns: every speaker of the claim, "
                    "'; '-separated, first the one speaker names (several people can say one "
                    "thing).",
                ),
            ],
            default=False,
        ),
        Option(
            "dates",
            Annotated[
                bool,
                typer.Option(
                    "--dates",
                    help="Add said (the date at its precision: 2016, 2016-03, 2016-03-08 or a "
                    "range), said_earliest, said_latest and date_via after the other columns.",
                ),
            ],
            default=False,
        ),
    ),
    ClaimColumns,
)

# ---- the details given to every document ingested -----------------------------------------


def _given_details(
    published: str | None,
    title: str | None,
    outlet: str | None,
    url: str | None,
    author: str | None,
) -> dict[str, str]:
    """The details given on the command line, named as a manifest's columns (those left out
    are not in it); --published checked to be a date."""
    day = date_option(published, "--published")
    given = {
        "published": day.isoformat() if day else None,
        "title": title,
        "outlet": outlet,
        "url": url,
        "author": author,
    }
    return {k: v for k, v in given.items() if v}


DOCUMENT_DETAILS = Bundle(
    (
        Option(
            "published", Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")]
        ),
        Option(
            "title", Annotated[str | None, typer.Option(help="Title (for every document given).")]
        ),
        Option("outlet", Annotated[str | None, typer.Option(help="Outlet, e.g. 'Reuters'.")]),
        Option("url", Annotated[str | None, typer.Option(help="URL of the article.")]),
        Option("author", Annotated[str | None, typer.Option(help="Author.")]),
    ),
    _given_details,
)

# ---- output -------------------------------------------------------------------------------

FormatOpt = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="table (default on a terminal), csv, tsv, json or jsonl."),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]
BomOpt = Annotated[
    bool, typer.Option("--bom", help="Start CSV/TSV with a byte-order mark, for Excel.")
]

OUTPUT = Bundle(
    (
        Option("fmt", FormatOpt),
        Option("output", OutputOpt),
        Option("bom", BomOpt, default=False),
    ),
    OutputOptions,
)
