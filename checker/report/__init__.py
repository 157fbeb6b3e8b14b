"""Output writers: one module per format, each with one entry point."""
