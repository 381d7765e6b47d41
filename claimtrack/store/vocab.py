"""The words a stored claim, actor or correction may hold, named once for the models, the
curation code, the web forms and the command-line choices (imports nothing: a command's
``--help`` loads no SQLAlchemy)."""

from __future__ import annotations

# a person; an organisation (company, party, campaign, poll, document's owner); a government
# body or a state; a news outlet; a group of named people ("the Koch brothers", "Jon Doe and
# Ann Roe" as one mention, each of them also a speaker of the claim); an unnamed source
ACTOR_KINDS = ("person", "organization", "government", "media", "group", "unnamed")
ATTRIBUTIONS = ("direct", "indirect", "mixed", "according_to")
DATE_PRECISIONS = ("day", "month", "year", "none")
DATE_RELATIONS = ("on", "before", "by", "unknown")
STATUSES = ("unreviewed", "verified", "disputed", "false", "misleading")
# why a claim was rejected (claims.rejected); a rejected claim leaves every listing by default
REJECT_REASONS = ("not-a-claim", "duplicate", "boilerplate", "wrong-speaker")
BOILERPLATE = "boilerplate"  # the reason store/boilerplate.py rejects a claim for
# review verdicts that say the claim is not one to keep: recorded, and the claim rejected
REJECTING_VERDICTS = ("not-a-claim", "wrong-speaker")
# what a correction changed (corrections.what)
CORRECTION_KINDS = (
    "speaker", "content", "cue", "mention", "said", "text", "reject", "restore", "add",
    "source", "split", "alias",
)  # fmt: skip
