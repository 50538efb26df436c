"""The online channel: an HTTP API (FastAPI) on the shared database and locking rules.

No Qt here. Start it with ``boxoffice web``; see docs/web-api.md.
"""
