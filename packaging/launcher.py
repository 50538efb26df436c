"""Entry point of the frozen application (packaging/boxoffice.spec): the ``boxoffice``
command line, which opens the app when given no command."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # `boxoffice rehearse` spreads its buyers over processes
    if sys.argv[1:3] == ["-m", "boxoffice"]:  # `sys.executable -m boxoffice web` (rehearse) means us
        del sys.argv[1:3]
    from boxoffice.cli import main

    raise SystemExit(main())
