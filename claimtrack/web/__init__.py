"""The web view: ``claimtrack serve``, over the same query and curation code as the CLI."""
