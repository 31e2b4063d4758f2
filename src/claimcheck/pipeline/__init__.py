"""The stages run in order (load -> extract -> match -> judge), with the cache of readings and results."""
