"""The door station without Qt: online admission through the database, offline fallback
(local copy, queue of offline scans, upload and conflicts). See docs/door.md."""
