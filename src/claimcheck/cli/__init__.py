"""The ``claimcheck`` command: one module per command group, the only code that prints."""
