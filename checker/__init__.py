"""claimcheck: cross-check the figures in news text."""
