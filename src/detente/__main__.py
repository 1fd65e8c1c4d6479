"""`python -m detente` runs the same app as the `detente` console script (same entry point)."""

from detente.cli.launch import main

if __name__ == "__main__":
    main()
