"""``claimtrack serve``: the web view (claimtrack.web) on a local address, run by uvicorn."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from claimtrack.cli import startup
from claimtrack.cli.common import DbOpt, err

TOKEN_ENV = "CLAIMTRACK_SERVE_TOKEN"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    host: Annotated[
        str,
        typer.Option(help="Address to listen on; any but 127.0.0.1 needs --token or --read-only."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="No verdicts or corrections from the browser.")
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(
            envvar=TOKEN_ENV,
            help="Secret a browser must give with every verdict or correction "
            "(needed on an address other than 127.0.0.1).",
            show_default=False,
        ),
    ] = None,
    db: DbOpt = None,
) -> None:
    """Read, search and review the claims in a browser (http://127.0.0.1:8000/claims)."""
    import uvicorn

    from claimtrack.web.app import create_app

    startup.release()  # a long-running server: the collector runs as usual
    if token is not None and not token.strip():
        raise typer.BadParameter(
            "the token is empty: give a long random string", param_hint="--token"
        )
    if not is_loopback(host) and not read_only and token is None:
        raise typer.BadParameter(
            f"{host} can be reached from other machines: give --token SECRET (or set "
            f"{TOKEN_ENV}) for writes, or --read-only",
            param_hint="--host",
        )
    app = create_app(db, read_only=read_only, token=token)
    mode = "read-only" if read_only else ("writes need the token" if token else "writes open")
    shown = f"[{host}]" if ":" in host else host
    err.print(f"claimtrack serve: http://{shown}:{port}/claims ({mode}); Ctrl-C stops it")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


__all__ = ["is_loopback", "serve"]
