"""What the app loads at start, in a fresh interpreter: the guard for benchmarks/startup.py.

fpdf2 with fontTools and py7zr cost more start-up time than the rest of the app together;
they load at the first referral (or sealing.warm_up), never with the window.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
PDF_AND_ARCHIVE = ("fpdf", "fontTools", "py7zr")
# What fpdf2 would load for images and encrypted or signed PDFs, which a referral never has.
FPDF_EXTRAS = ("numpy", "PIL")
# What only the coordinators' tools need: the registry editor and `referral-desk registry`.
REGISTRY_TOOLS = ("tomlkit", "referral_desk.cli.registry", "referral_desk.ui.registry_editor")
# Loaded at the first phone number or address checked and the first keyring call.
FIELD_AND_KEYRING = ("phonenumbers", "email_validator", "keyring")
WARM_UP = (
    "from referral_desk.sealing.warm_up import warm_up; "
    "from referral_desk.storage.paths import AppPaths; "
    "warm_up(AppPaths.from_platform().fonts_dir)"
)


def loaded_after(code: str) -> dict[str, bool]:
    """Which of the libraries above a fresh interpreter has loaded after *code*."""
    names = PDF_AND_ARCHIVE + FPDF_EXTRAS + REGISTRY_TOOLS + FIELD_AND_KEYRING
    probe = (
        f"import sys; sys.path.insert(0, {str(SRC)!r}); {code}; import json; "
        f"print(json.dumps({{name: name in sys.modules for name in {names!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, timeout=120
    )
    loaded: dict[str, bool] = json.loads(result.stdout.splitlines()[-1])
    return loaded


def test_starting_the_app_loads_no_pdf_archive_or_registry_tool_library() -> None:
    loaded = loaded_after("import referral_desk.cli, referral_desk.app")
    assert not any(loaded.values()), loaded


def test_importing_the_app_loads_no_phone_address_or_keyring_library() -> None:
    loaded = loaded_after("import referral_desk.cli, referral_desk.app")
    assert not any(loaded[name] for name in FIELD_AND_KEYRING), loaded
    checked = loaded_after(
        "from referral_desk.domain import fields; "
        "fields.validate_phone('0470 12 34 56'); fields.validate_email_address('a@b.be')"
    )
    assert checked["phonenumbers"] and checked["email_validator"], checked


def test_the_first_referral_loads_them_without_the_fpdf_extras() -> None:
    loaded = loaded_after(WARM_UP)
    assert all(loaded[name] for name in PDF_AND_ARCHIVE), loaded
    assert not any(loaded[name] for name in FPDF_EXTRAS), loaded


def test_the_fpdf_extras_stay_importable_for_everyone_else() -> None:
    assert loaded_after(WARM_UP + "; import PIL.Image")["PIL"]


# What only the core loads: the models, the registry, the referral log and the keyring.
CORE = (
    "pydantic",
    "referral_desk.domain.referral",
    "referral_desk.domain.settings",
    "referral_desk.lifecycle.session",
    "referral_desk.registry.active",
    "referral_desk.storage.referral_log",
    "referral_desk.storage.settings",
    "referral_desk.delivery.detection",
)
FIRST_PHASE = (
    "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'; "
    "import referral_desk.cli, referral_desk.app as app; from datetime import date; "
    "from PySide6.QtWidgets import QApplication; qt = QApplication([]); "
    "window = app.MainWindow(None, today=date(2026, 3, 2)); "
    "app.show_main_window(window, app.glance_at_settings("
    "app.AppPaths.from_platform().settings_file).window_size); "
    "[(e.setText(t), e.editingFinished.emit()) for e, t in ("
    "(window.form.edits['first_name'], 'Jan'), (window.form.edits['postcode'], '3971'), "
    "(window.form.edits['email'], 'x'), (window.consent_panel.given_on, '2-3-2026'))]; "
    "window.consent_panel.consent.setChecked(True); qt.processEvents()"
)


def test_the_first_phase_window_loads_no_core_model_even_while_typed_into() -> None:
    """app.main shows this window before the core loads: the start-up target depends on it."""
    probe = (
        f"import sys; sys.path.insert(0, {str(SRC)!r}); {FIRST_PHASE}; import json; "
        f"print(json.dumps({{name: name in sys.modules for name in {CORE!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, timeout=120
    )
    loaded: dict[str, bool] = json.loads(result.stdout.splitlines()[-1])
    assert not any(loaded.values()), loaded
