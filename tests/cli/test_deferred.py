"""cli/deferred.py: a deferred module runs its code on first use and is then the module an
import would have made; SQLAlchemy works with the modules cli/startup.py defers. Each case
runs in a new interpreter (deferring changes sys.modules for the process)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from claimtrack.cli import deferred, startup


def run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_deferred_module_runs_on_first_use():
    out = run(
        """
        import sys
        from claimtrack.cli.deferred import defer, is_deferred
        assert "colorsys" not in sys.modules
        assert defer("colorsys")
        import colorsys
        assert is_deferred("colorsys") and colorsys.__name__ == "colorsys"
        assert is_deferred("colorsys")  # its name is what the import system set
        hsv = colorsys.rgb_to_hsv(1.0, 0.0, 0.0)
        assert not is_deferred("colorsys") and sys.modules["colorsys"] is colorsys
        from colorsys import hsv_to_rgb
        print(hsv, hsv_to_rgb(*hsv))
        """
    )
    assert out.split() == ["(0.0,", "1.0,", "1.0)", "(1.0,", "0.0,", "0.0)"]


def test_reading_a_deferred_module_whole_runs_it():
    out = run(
        """
        import sys
        from claimtrack.cli.deferred import defer, is_deferred
        assert defer("colorsys") and defer("getopt")
        import colorsys, getopt
        assert "rgb_to_hsv" in dir(colorsys) and not is_deferred("colorsys")
        assert "GetoptError" in vars(getopt) and not is_deferred("getopt")
        print(type(colorsys).__name__, type(getopt).__name__)
        """
    )
    assert out.split() == ["module", "module"]


def test_a_deferred_package_gives_its_early_attributes_and_its_submodules():
    out = run(
        """
        import sys
        from claimtrack.cli.deferred import defer, is_deferred
        assert defer("asyncio")
        import asyncio
        early = asyncio.iscoroutine  # what SQLAlchemy reads as it loads
        assert is_deferred("asyncio") and "asyncio.events" not in sys.modules

        async def answer():
            return 42

        print(asyncio.run(answer()))
        assert not is_deferred("asyncio") and asyncio.iscoroutine is early
        import asyncio.events
        assert asyncio.events.get_event_loop_policy() is not None
        """
    )
    assert out.strip() == "42"


def test_a_deferred_submodule_through_its_parent():
    out = run(
        """
        import sys
        from claimtrack.cli.deferred import defer, is_deferred
        assert defer("importlib.metadata")
        import importlib.metadata
        from importlib import metadata
        assert metadata is sys.modules["importlib.metadata"] and is_deferred("importlib.metadata")
        import sqlalchemy
        assert is_deferred("importlib.metadata")  # SQLAlchemy imports it and does not use it
        assert metadata.version("sqlalchemy") == sqlalchemy.__version__
        assert not is_deferred("importlib.metadata")
        print("ok")
        """
    )
    assert out.strip() == "ok"


def test_defer_changes_nothing_for_a_module_imported_or_unknown():
    assert "os" in sys.modules
    assert deferred.defer("os") is False and type(sys.modules["os"]).__name__ == "module"
    assert deferred.defer("no_such_module_claimtrack") is False
    assert "no_such_module_claimtrack" not in sys.modules


def test_sqlalchemy_works_with_what_startup_defers():
    out = run(
        f"""
        import sys
        from claimtrack.cli.deferred import defer, is_deferred
        names = {startup.UNUSED_BY_QUERIES!r}
        assert all(defer(n) for n in names)
        from sqlalchemy import create_engine, text
        engine = create_engine("sqlite://")
        with engine.connect() as c:
            print(c.execute(text("select 40 + 2")).scalar())
        print(sorted(n for n in names if not is_deferred(n)))
        """
    )
    assert out.split("\n")[:2] == ["42", "[]"]


def test_asking_in_process_defers_nothing(cli, tmp_path):
    """The tests' CliRunner runs commands in this process: startup.asking leaves it be."""
    from tests.handmade import store_articles

    db = str(tmp_path / "claims.db")
    store_articles(db)
    assert "1 claim" in cli("who-said", "--topic", "ceasefire", db=db).stderr
    assert [n for n in sys.modules if deferred.is_deferred(n)] == []
