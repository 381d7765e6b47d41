"""Read-only questions to the database: claim filters, search, details, ClaimReview."""
