"""A group of speakers is named without its leading quantifier."""

import pytest

from claimtrack.extract.speakers import group_name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("multiple Russian media outlets", "Russian media outlets"),
        ("Several senior officials", "senior officials"),
        ("a number of Democratic senators", "Democratic senators"),
        ("various parties", "various parties"),  # one bare word would be left: keep it
        ("Two aides", "Two aides"),
        ("State Department officials", "State Department officials"),
    ],
)
def test_group_name(text, name):
    assert group_name(text) == name
