"""``python -m intake.cli …``: the same command line as ``pakn``."""

from intake.cli import main

main()
