"""``python -m bench``: the same as the ``bench`` command."""

import sys

from .cli import main

sys.exit(main())
