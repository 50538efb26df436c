"""``python -m boxoffice`` runs the command-line interface."""

from boxoffice.cli import main

raise SystemExit(main())
