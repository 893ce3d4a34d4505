"""Fake Thunderbird profile folders under a temporary HOME, laid out as Thunderbird writes them."""

from __future__ import annotations

from pathlib import Path

# What Thunderbird writes when the account wizard is closed: only Local Folders, no identity.
LOCAL_FOLDERS_ONLY = """\
// Mozilla User Preferences
user_pref("mail.accountmanager.accounts", "account1");
user_pref("mail.accountmanager.localfoldersserver", "server1");
user_pref("mail.account.account1.server", "server1");
user_pref("mail.server.server1.hostname", "Local Folders");
user_pref("mail.server.server1.type", "none");
user_pref("mail.server.server1.userName", "nobody");
"""

WITH_ACCOUNT = """\
// Mozilla User Preferences
user_pref("mail.accountmanager.accounts", "account2,account1");
user_pref("mail.accountmanager.defaultaccount", "account2");
user_pref("mail.accountmanager.localfoldersserver", "server1");
user_pref("mail.account.account1.server", "server1");
user_pref("mail.account.account2.identities", "id1");
user_pref("mail.account.account2.server", "server2");
user_pref("mail.identity.id1.useremail", "sofie.maes@kindengezin.example.be");
user_pref("mail.server.server1.type", "none");
user_pref("mail.server.server2.type", "imap");
user_pref("mail.server.server2.hostname", "imap.example.be");
"""


def write_profile(home: Path, prefs: str | None, *, platform: str = "linux") -> Path:
    """A profiles.ini with an install default and that profile's prefs.js (none if None)."""
    root = home / "Library" / "Thunderbird" if platform == "darwin" else home / ".thunderbird"
    profile = root / "Profiles" / "x8k2m1qz.default-release"
    profile.mkdir(parents=True, exist_ok=True)
    (root / "profiles.ini").write_text(
        "[Install6F193CCC56814779]\n"
        "Default=Profiles/x8k2m1qz.default-release\n"
        "Locked=1\n\n"
        "[Profile1]\nName=default\nIsRelative=1\nPath=Profiles/y7c3n0wd.default\nDefault=1\n\n"
        "[Profile0]\nName=default-release\nIsRelative=1\n"
        "Path=Profiles/x8k2m1qz.default-release\n\n"
        "[General]\nStartWithLastProfile=1\nVersion=2\n",
        encoding="utf-8",
    )
    if prefs is not None:
        (profile / "prefs.js").write_text(prefs, encoding="utf-8")
    return profile


def home_with_account(home: Path) -> Path:
    write_profile(home, WITH_ACCOUNT)
    return home
