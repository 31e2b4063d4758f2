from claimcheck.cli.support import entry_point

entry_point()
