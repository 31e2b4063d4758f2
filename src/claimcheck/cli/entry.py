"""Where the program starts: the ``claimcheck`` console script and ``python -m claimcheck``.

It stands above the command line it starts (:mod:`claimcheck.cli.root`), which imports the
shared helpers of :mod:`claimcheck.cli.support`; so the helpers never import the commands back.
"""

from __future__ import annotations

import signal

from claimcheck.cli.support import (
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    Terminated,
    echo,
    raise_terminated,
)


def entry_point() -> None:
    """The ``claimcheck`` console script and ``python -m claimcheck``.

    Installs the SIGTERM handler before the command line (and spaCy with it) is imported, so that
    Ctrl-C or SIGTERM during the second or so of start-up ends in one line too, not a traceback.
    """
    signal.signal(signal.SIGTERM, raise_terminated)
    try:
        from claimcheck.cli.root import main

        main()
    except KeyboardInterrupt:
        echo("claimcheck: interrupted", err=True)
        raise SystemExit(EXIT_INTERRUPTED) from None
    except Terminated:
        echo("claimcheck: stopped by SIGTERM", err=True)
        raise SystemExit(EXIT_TERMINATED) from None
