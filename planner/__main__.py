"""``python -m planner`` is the ``boothplan`` command."""

import sys

from planner.cli import main

sys.exit(main())
