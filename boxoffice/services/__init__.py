"""Use cases. Each takes a Session and keyword-only arguments, runs one transaction
(committing on success, rolling back on any error) and returns plain data or raises a
:mod:`boxoffice.domain.errors` error."""
