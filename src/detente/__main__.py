"""`python -m detente` runs the same app as the `detente` console script."""

from detente.cli.main import main

if __name__ == "__main__":
    main()
