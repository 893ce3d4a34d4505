"""Replaces the contrib hook, which collects all of phonenumbers (40 MB of geocoder data).

phonenumbers imports its per-region metadata by name, so ``phonenumbers.data`` and
``phonenumbers.shortdata`` are collected whole; the app only parses, validates and formats
numbers, so the geocoder, carrier and time-zone data stay out. ``REFERRAL_DESK_NO_TRIM=1``
collects everything, as the contrib hook would.
"""

import os

from PyInstaller.utils.hooks import collect_submodules

_UNUSED = ("phonenumbers.geodata", "phonenumbers.carrierdata", "phonenumbers.tzdata")

if os.environ.get("REFERRAL_DESK_NO_TRIM", "") == "1":
    hiddenimports = collect_submodules("phonenumbers")
else:
    hiddenimports = collect_submodules(
        "phonenumbers", filter=lambda name: not name.startswith(_UNUSED)
    )
