"""``python -m cleaner``: the same as the ``clean`` command."""
import sys

from .cli import main

sys.exit(main())
