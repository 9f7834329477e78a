"""``python -m planner`` is the ``boothplan`` command."""

import sys

from planner.cli import main

if __name__ == "__main__":  # worker processes of a big pack import this module too
    sys.exit(main())
