"""boxoffice: a desktop box-office point of sale on PostgreSQL."""

__version__ = "0.1.0"
