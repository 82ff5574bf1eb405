"""``python -m timeline.evaluate GOLD_DIR``: the same as ``timeline evaluate``."""

import sys

from timeline.cli import main

sys.exit(main(["evaluate", *sys.argv[1:]]))
