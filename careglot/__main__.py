"""``python -m careglot`` runs the command line."""

from careglot.cli import main

raise SystemExit(main())
