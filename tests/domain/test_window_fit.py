"""The first window fits the screen's free area, whatever was remembered."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from referral_desk.domain.window_fit import PREFERRED, WindowSize, fit_window
from tests.ui_driver import answering

sizes = st.builds(WindowSize, width=st.integers(1, 5000), height=st.integers(1, 5000))


def test_a_small_screen_gets_a_window_that_fits_with_its_frame() -> None:
    # 1024x768 at 125 %: 819x614 logical, minus a 40 px taskbar.
    placement = fit_window(0, 0, WindowSize(width=819, height=574), (2, 31), None)
    assert (placement.width, placement.height) == (817, 543)
    assert (placement.x, placement.y) == (0, 0)


def test_a_large_screen_gets_the_preferred_size_centred() -> None:
    placement = fit_window(0, 0, WindowSize(width=1920, height=1040), (0, 30), None)
    assert (placement.width, placement.height) == (PREFERRED.width, PREFERRED.height)
    assert placement.x == (1920 - 1100) // 2
    assert placement.y == (1040 - 750) // 2


def test_a_remembered_size_from_a_larger_monitor_is_shrunk() -> None:
    placement = fit_window(
        100,
        0,
        WindowSize(width=1366, height=728),
        (0, 30),
        WindowSize(width=1800, height=1000),
    )
    assert (placement.width, placement.height) == (1366, 698)
    assert placement.x == 100


@given(
    st.integers(-3000, 3000),
    st.integers(-3000, 3000),
    sizes,
    st.tuples(st.integers(0, 60), st.integers(0, 60)),
    st.none() | sizes,
)
def test_the_frame_never_leaves_the_free_area_when_it_can_fit(
    x: int, y: int, available: WindowSize, frame: tuple[int, int], remembered: WindowSize | None
) -> None:
    placement = fit_window(x, y, available, frame, remembered)
    wanted = remembered or PREFERRED
    assert 1 <= placement.width <= wanted.width
    assert 1 <= placement.height <= wanted.height
    frame_width, frame_height = frame
    if available.width > frame_width and available.height > frame_height:
        assert placement.x >= x and placement.y >= y
        assert placement.x + placement.width + frame_width <= x + available.width
        assert placement.y + placement.height + frame_height <= y + available.height


def test_the_window_opens_at_the_size_it_was_closed_at_within_the_screen(qtbot: QtBot) -> None:
    from referral_desk.app import create_main_window, show_main_window

    first = create_main_window()
    qtbot.addWidget(first)
    answering(first, discard=True)
    show_main_window(first)
    area = first.screen().availableGeometry()
    assert area.contains(first.frameGeometry())
    first.resize(700, 500)
    first.close()
    assert first.desk.settings.load().main_window_size == WindowSize(width=700, height=500)

    second = create_main_window()
    qtbot.addWidget(second)
    show_main_window(second)
    assert (second.width(), second.height()) == (700, 500)
    second.desk.settings.update({"main_window_size": WindowSize(width=4000, height=3000)})
    second.close()

    third = create_main_window()
    qtbot.addWidget(third)
    assert third.session.settings.main_window_size == WindowSize(width=4000, height=3000)
    show_main_window(third)
    assert area.contains(third.frameGeometry())
