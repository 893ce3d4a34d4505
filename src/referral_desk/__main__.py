import sys

from referral_desk.cli import main

sys.exit(main())
