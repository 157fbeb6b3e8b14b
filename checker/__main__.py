"""`python -m checker`: the claimcheck command line."""

from checker.cli import run

run()
