"""The Desk without a window: which registry is active and why not, which file the editor
opens, how a draft went, and how a client document is saved and handed to a viewer."""

from __future__ import annotations

from pathlib import Path

import pytest

from referral_desk.delivery.openers import DraftResult
from referral_desk.domain.errors import UserFacingError
from referral_desk.lifecycle.client_documents import (
    NotOpened,
    PrintJob,
    print_document,
)
from referral_desk.lifecycle.desk import (
    EditorUnavailable,
    RegistryState,
    read_active_registry,
    registry_file_to_edit,
)
from referral_desk.lifecycle.mail_drafts import NO_OPENER, DraftState, adapter_used, draft_state
from referral_desk.storage.paths import AppPaths
from tests.lifecycle_fixtures import ROOT, Desk


def _paths(tmp_path: Path, bundled: Path = ROOT) -> AppPaths:
    return AppPaths(
        config_dir=tmp_path / "app" / "config",
        data_dir=tmp_path / "app" / "data",
        log_dir=tmp_path / "app" / "log",
        site_config_dir=tmp_path / "app" / "site",
        bundled_dir=bundled,
    )


# --- the active registry ----------------------------------------------------------------
def test_without_a_machine_registry_the_bundled_one_is_active(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    state = read_active_registry(paths)
    assert state.loaded is not None and state.problem is None
    assert state.loaded.source == paths.bundled_registry
    assert state.label == "meegeleverd partnerregister"
    assert registry_file_to_edit(state, paths).path == paths.bundled_registry


def test_a_broken_machine_registry_is_reported_never_replaced_by_the_bundled_one(
    tmp_path: Path,
) -> None:
    paths = _paths(tmp_path)
    paths.machine_registry.parent.mkdir(parents=True, exist_ok=True)
    paths.machine_registry.write_text("registry_version = [kapot", encoding="utf-8")
    state = read_active_registry(paths)
    assert state.loaded is None and state.problem is not None
    assert state.label == "machineregister"
    # The editor opens the broken file: fixing it is the point.
    target = registry_file_to_edit(state, paths)
    assert target.path == paths.machine_registry


def test_a_missing_postcode_table_is_a_registry_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    paths = _paths(tmp_path, bundled=tmp_path / "empty")
    state = read_active_registry(paths)
    assert state.loaded is None and state.problem is not None
    [problem] = state.problem.problems
    assert "herinstalleer" in str(problem)
    with pytest.raises(EditorUnavailable, match="Herinstalleer"):
        registry_file_to_edit(state, paths)


def test_the_desk_asks_its_registry_again_each_time(desk: Desk) -> None:
    assert desk.registry() == RegistryState(None, None, "")
    assert desk.today() == desk.clock().date()


# --- how a draft went, said once -----------------------------------------------------------
def test_a_draft_is_opened_saved_or_not_opened() -> None:
    opened = DraftResult(opener="thunderbird", eml_path=None, opened=True)
    saved = DraftResult(opener="eml-only", eml_path=Path("x.eml"), opened=False)
    assert draft_state(opened) is DraftState.OPENED
    assert draft_state(saved) is DraftState.SAVED
    assert draft_state(None) is DraftState.NOT_OPENED


def test_the_log_records_the_openers_name_or_none_never_a_word_of_the_ui() -> None:
    assert adapter_used(DraftResult(opener="mapi", eml_path=None, opened=True)) == "mapi"
    assert adapter_used(None) == NO_OPENER == "none"


# --- client documents -------------------------------------------------------------------------
def _job(folder: Path, render: object = lambda: b"%PDF-1.7 sheet") -> PrintJob:
    return PrintJob(render, folder / "afdrukken" / "informatieblad-p-nl.pdf")  # type: ignore[arg-type]


def test_a_document_is_saved_in_a_folder_made_for_it_and_handed_to_the_viewer(
    tmp_path: Path,
) -> None:
    shown: list[Path] = []

    def viewer(path: Path, _grace: float) -> int | None:
        shown.append(path)
        return None

    printed = print_document(_job(tmp_path), viewer)
    assert printed.shown and shown == [printed.saved]
    assert printed.saved.read_bytes() == b"%PDF-1.7 sheet"


def test_a_viewer_that_ends_badly_means_the_document_was_not_shown(tmp_path: Path) -> None:
    printed = print_document(_job(tmp_path), lambda _p, _g: 3)
    assert not printed.shown and printed.saved.is_file()


def test_no_viewer_at_all_still_leaves_the_saved_document(tmp_path: Path) -> None:
    def no_program(path: Path, _grace: float) -> int | None:
        raise FileNotFoundError(2, "xdg-open")

    with pytest.raises(NotOpened) as refused:
        print_document(_job(tmp_path), no_program)
    assert refused.value.saved.is_file()


def test_a_render_that_fails_writes_nothing(tmp_path: Path) -> None:
    def broken() -> bytes:
        raise UserFacingError("Het lettertype ontbreekt.")

    with pytest.raises(UserFacingError):
        print_document(_job(tmp_path, broken), lambda _p, _g: None)
    assert not (tmp_path / "afdrukken").exists()
