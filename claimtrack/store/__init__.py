"""The database: models, engine and migrations, full-text search, writes, same-claim links, the topic taxonomy."""
