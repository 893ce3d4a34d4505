"""The life of a referral, Qt-free: whether it may be made, making it, and what follows.

The window, the CLI and the tests call these modules the same way; no protocol rule lives
in ``ui/``. ``readiness`` decides whether a referral may be created, ``creation`` seals it
all-or-nothing, ``after_sending`` records it and handles sent, recall, withdrawal and
correction.
"""
