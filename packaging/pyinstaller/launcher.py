"""Entry script of the frozen app: the same ``main`` as the ``referral-desk`` console script."""

from referral_desk.cli import main

raise SystemExit(main())
