"""Errors a user can cause: each carries a one-line message that names the fix."""


class UserError(Exception):
    """Bad input or state the user can fix; the CLI prints it on one line and exits 1."""
