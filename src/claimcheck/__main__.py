from .cli_support import entry_point

entry_point()
