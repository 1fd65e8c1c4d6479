"""Command-line interface: a thin typer layer over the library (one module per command group)."""
