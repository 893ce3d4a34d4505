"""A Thunderbird without a mail account only shows its wizard: detected, skipped, explained.

Fake profile folders under the test's HOME, laid out as Thunderbird 153 writes them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_desk.delivery.detection import MailDetection, detect_mail_clients
from referral_desk.delivery.launch import CommandResult
from referral_desk.delivery.message import DraftMessage
from referral_desk.delivery.openers import EmlOnlyOpener, MailOpenError, OpenerChain
from referral_desk.delivery.thunderbird import (
    NO_ACCOUNT_REASON,
    THUNDERBIRD_ENV,
    ThunderbirdComposeOpener,
    account_missing_reason,
    default_profiles,
    has_mail_account,
    read_prefs,
)
from tests.thunderbird_profiles import LOCAL_FOLDERS_ONLY, WITH_ACCOUNT, write_profile

PROGRAMS = {
    "xdg-mime": "/usr/bin/xdg-mime",
    "xdg-email": "/usr/bin/xdg-email",
    "thunderbird": "/usr/bin/thunderbird",
}


class Spawn:
    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, argv: Sequence[str], grace: float) -> int | None:
        self.calls.append(list(argv))
        return None


def detect(home: Path, handler: str) -> MailDetection:
    data = home.parent / "share"
    (data / "applications").mkdir(parents=True, exist_ok=True)
    (data / "applications" / handler).write_text(
        f"[Desktop Entry]\nName=Mail\nExec=/usr/bin/{handler.removesuffix('.desktop')} %u\n",
        encoding="utf-8",
    )
    return detect_mail_clients(
        "linux",
        {"HOME": str(home), "XDG_DATA_DIRS": str(data)},
        runner=lambda _argv: CommandResult(0, handler + "\n"),
        which=PROGRAMS.get,
    )


# --- reading the profile ---------------------------------------------------------------------


def test_an_account_with_an_identity_counts(isolated_home: Path) -> None:
    assert has_mail_account(write_profile(isolated_home, WITH_ACCOUNT))
    assert account_missing_reason({"HOME": str(isolated_home)}, "linux") is None


def test_local_folders_alone_is_no_account(isolated_home: Path) -> None:
    assert not has_mail_account(write_profile(isolated_home, LOCAL_FOLDERS_ONLY))
    assert account_missing_reason({"HOME": str(isolated_home)}, "linux") == NO_ACCOUNT_REASON


def test_a_profile_never_started_and_no_profile_at_all_are_no_account(
    isolated_home: Path,
) -> None:
    assert account_missing_reason({"HOME": str(isolated_home)}, "linux") == NO_ACCOUNT_REASON
    write_profile(isolated_home, None)
    assert account_missing_reason({"HOME": str(isolated_home)}, "linux") == NO_ACCOUNT_REASON


def test_the_install_default_wins_over_an_old_default_profile(isolated_home: Path) -> None:
    profile = write_profile(isolated_home, None)
    root = isolated_home / ".thunderbird"
    assert default_profiles(root) == [profile]
    old = root / "Profiles" / "y7c3n0wd.default"
    old.mkdir()
    (old / "prefs.js").write_text(WITH_ACCOUNT, encoding="utf-8")
    # An account in a profile Thunderbird does not start with does not help.
    assert account_missing_reason({"HOME": str(isolated_home)}, "linux") == NO_ACCOUNT_REASON


def test_user_js_is_read_after_prefs_js(isolated_home: Path) -> None:
    profile = write_profile(isolated_home, LOCAL_FOLDERS_ONLY)
    (profile / "user.js").write_text(WITH_ACCOUNT, encoding="utf-8")
    assert has_mail_account(profile)


def test_macos_profiles_live_in_library(isolated_home: Path) -> None:
    write_profile(isolated_home, WITH_ACCOUNT, platform="darwin")
    assert account_missing_reason({"HOME": str(isolated_home)}, "darwin") is None
    assert account_missing_reason({"HOME": str(isolated_home)}, "linux") == NO_ACCOUNT_REASON


def test_an_unknown_profile_is_not_refused(isolated_home: Path) -> None:
    # A THUNDERBIRD command may bring its own -profile; without HOME nothing can be read.
    assert account_missing_reason({THUNDERBIRD_ENV: "/opt/tb/run", "HOME": "/x"}, "linux") is None
    assert account_missing_reason({}, "linux") is None


def test_a_broken_profiles_ini_is_no_account_not_a_crash(isolated_home: Path) -> None:
    root = isolated_home / ".thunderbird"
    root.mkdir()
    (root / "profiles.ini").write_bytes(b"\xff[Profile0\nPath")
    assert account_missing_reason({"HOME": str(isolated_home)}, "linux") == NO_ACCOUNT_REASON


@given(st.text(max_size=300))
def test_read_prefs_takes_any_text(text: str) -> None:
    prefs = read_prefs(text)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in prefs.items())


@given(
    name=st.text(min_size=1, max_size=40).filter(lambda n: "\n" not in n and "\r" not in n),
    value=st.text(max_size=60),
)
def test_read_prefs_reads_back_what_thunderbird_writes(name: str, value: str) -> None:
    line = f"user_pref({json.dumps(name)}, {json.dumps(value)});"
    assert read_prefs(line) == {name: value}


# --- Automatisch skips it; chosen explicitly it says what to do --------------------------------


def test_automatic_skips_thunderbird_and_its_mailto_without_an_account(
    isolated_home: Path,
) -> None:
    write_profile(isolated_home, LOCAL_FOLDERS_ONLY)
    detection = detect(isolated_home, "thunderbird.desktop")
    assert detection.usable == ("eml-default-app",)
    assert detection.unusable["thunderbird"] == NO_ACCOUNT_REASON
    assert "geen e-mailaccount" in detection.unusable["xdg-email"]


def test_another_default_client_still_goes_first(isolated_home: Path) -> None:
    detection = detect(isolated_home, "org.gnome.Evolution.desktop")
    assert detection.usable == ("xdg-email", "eml-default-app")


def test_with_an_account_thunderbird_comes_first_again(isolated_home: Path) -> None:
    write_profile(isolated_home, WITH_ACCOUNT)
    detection = detect(isolated_home, "thunderbird.desktop")
    assert detection.usable == ("thunderbird", "xdg-email", "eml-default-app")


def test_chosen_thunderbird_says_what_to_do_and_the_chain_goes_on(
    isolated_home: Path, tmp_path: Path
) -> None:
    write_profile(isolated_home, LOCAL_FOLDERS_ONLY)
    spawn = Spawn()
    opener = ThunderbirdComposeOpener(
        which=PROGRAMS.get, spawn=spawn, environ={"HOME": str(isolated_home)}, platform="linux"
    )
    draft = DraftMessage(to="a@example.be", subject="Test", body="Test", attachment=None)
    with pytest.raises(MailOpenError) as caught:
        opener.open_draft(draft, tmp_path)
    assert caught.value.reason.startswith("Thunderbird heeft nog geen e-mailaccount: stel eerst")
    assert "Instellingen → E-mail" in caught.value.reason
    assert spawn.calls == []
    result = OpenerChain([opener, EmlOnlyOpener()]).open_draft(draft, tmp_path)
    assert result.opener == "eml-only"
    assert spawn.calls == []
