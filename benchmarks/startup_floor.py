"""What the start-up targets are up against: the bare window of startup.py with only what
every start or every referral must load, and none of the app's own work.

    python benchmarks/startup_floor.py [--runs 7] [--platform offscreen]

* bare: startup.py's bare window (the same inputs as the app's main window).
* bare+settings: the same window, shown after reading the saved user settings the way the
  app must before it builds a widget (its language comes from them): pydantic, the
  settings and profile models, and the e-mail and phone checks of the saved profile.
* bare+libraries: the same window, and when it shows, the libraries one referral cannot do
  without imported: fpdf2 with fontTools and uharfbuzz (as sealing/font_cache.py imports
  them), py7zr and keyring; nothing rendered, nothing sealed.

Interleaved fresh processes after one untimed run each, medians, as startup.py measures.
Ends with the two ratios against the bare window: ``settings_ratio:`` (time) and
``libraries_rss_ratio:`` (peak RSS). Where either is near 2.0, the app's own targets of
2.0 (startup.py) cannot be met by trimming the app's own code alone.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import startup


def child(kind: str, counts: list[int]) -> int:
    if kind == "bare+settings":
        from referral_desk.storage.paths import AppPaths
        from referral_desk.storage.settings import SettingsStore

        SettingsStore(AppPaths.from_platform().settings_file).load()
        return startup.child_bare(counts)
    if kind == "bare+libraries":

        def libraries() -> None:
            import keyring
            import py7zr

            from referral_desk.sealing import font_cache

            font_cache._import_fpdf()
            assert py7zr and keyring

        original = startup.report_when_shown

        def with_libraries(window_type: type, after: object = None) -> None:
            original(window_type, libraries)

        startup.report_when_shown = with_libraries  # type: ignore[assignment]
    return startup.child_bare(counts)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7, help="per contender, at least 5")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        return child(kind, [int(value) for value in rest])
    runs = max(5, args.runs)
    kinds = ("bare", "bare+settings", "bare+libraries")
    with tempfile.TemporaryDirectory(prefix="rd-floor-") as temp:
        env = startup.isolated_environment(Path(temp), args.platform)
        script = str(startup.HERE / "startup.py")
        subprocess.run([sys.executable, script, "--child", "prepare"], env=env, check=True)
        counts = startup.spawn(["app"], env).counts
        me = str(Path(__file__).resolve())

        def spawn(kind: str) -> startup.Sample:
            command = [sys.executable, me, "--child", kind, *map(str, counts)]
            return startup.spawn_command(command, env)

        for kind in kinds:
            spawn(kind)
        samples: dict[str, list[startup.Sample]] = {kind: [] for kind in kinds}
        for run in range(runs):
            for kind in kinds if run % 2 == 0 else reversed(kinds):
                samples[kind].append(spawn(kind))
    # Until ready: for bare+libraries that includes importing them, as it always did; for the
    # others it is the moment they were shown.
    ms = {kind: statistics.median(s.ready_seconds for s in samples[kind]) * 1000 for kind in kinds}
    rss = {kind: statistics.median(s.rss_mb for s in samples[kind]) for kind in kinds}
    for kind in kinds:
        print(f"{kind:>15}: median {ms[kind]:6.0f} ms  peak RSS {rss[kind]:5.1f} MB")
    print(f"settings_ratio: {ms['bare+settings'] / ms['bare']:.2f}")
    print(f"libraries_rss_ratio: {rss['bare+libraries'] / rss['bare']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
