"""Human changes to the record: actors, topics, sources, reviews."""
