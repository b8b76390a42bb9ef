"""`python -m cmty` runs the command line."""

from cmty.cli import main

main()
