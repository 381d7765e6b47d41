"""The program: ``claimtrack`` (the console script) and ``python -m claimtrack``."""

from claimtrack.cli import startup


def main() -> None:
    """Hold the garbage collector before anything loads (cli/startup.py), then run the
    root app (cli/app.py), which releases it and ends the process."""
    startup.hold()
    from claimtrack.cli.app import main as run

    run()


if __name__ == "__main__":
    main()
