"""A subject reads back from the .eml exactly as built: no double space where a line folds."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referral_desk.delivery.eml import write_eml_draft
from referral_desk.delivery.message import (
    DraftMessage,
    build_email_message,
    referral_subject,
    withdrawal_subject,
)

REFERRAL_ID = "KG-2026-7F3K9Q"
ORIGINAL_ID = "KG-2026-7F3K9R"


def read_back(subject: str, folder: Path) -> str:
    draft = DraftMessage(to="ocmw@example.be", subject=subject, body="Tekst.", attachment=None)
    path = write_eml_draft(build_email_message(draft), folder, REFERRAL_ID)
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    return str(parsed["Subject"])


def test_the_correction_subject_has_single_spaces(tmp_path: Path) -> None:
    subject = referral_subject(REFERRAL_ID, "Kind en Gezin West-Limburg", ORIGINAL_ID)
    assert "  " not in subject
    assert read_back(subject, tmp_path) == subject


@settings(max_examples=60, deadline=None)
@given(
    team=st.text(alphabet="abcdefghijklmnopqrstuvwxyzéë -", min_size=1, max_size=60).map(
        lambda t: " ".join(t.split()) or "Menen"
    ),
    corrects=st.sampled_from([None, ORIGINAL_ID]),
)
def test_every_subject_reads_back_exactly(
    tmp_path_factory: pytest.TempPathFactory, team: str, corrects: str | None
) -> None:
    folder = tmp_path_factory.mktemp("eml")
    for subject in (
        referral_subject(REFERRAL_ID, team, corrects),
        withdrawal_subject(REFERRAL_ID, team),
    ):
        assert read_back(subject, folder) == subject
