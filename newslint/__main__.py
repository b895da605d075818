"""``python -m newslint`` runs the command line."""

import sys

from newslint.launcher import main

sys.exit(main())
