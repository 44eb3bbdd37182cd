"""`make bench`: the search engine against SQLite FTS5 trigram on synthetic libraries."""
