"""Database layer: SQLAlchemy models, engine and session factory, embedded server."""
