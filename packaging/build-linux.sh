#!/usr/bin/env bash
# Builds the Linux PyInstaller bundle dist/referral-desk from packaging/pyinstaller/referral-desk.spec.
#
# It uses the current Python (CI has just installed the project's dependencies into it;
# a fresh venv would download PySide6 again for every run). For a clean-room build, create
# and activate a venv first and `pip install -e '.[build]'` in it: this script only uses
# whatever `python3` is first on PATH.
#
#   packaging/build-linux.sh            # trimmed bundle → dist/referral-desk
#   packaging/build-linux.sh --measure  # also an untrimmed one → build/dist-notrim, sizes compared
#
# Then prove it: packaging/check-linux-bundle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"

if ! "$PY" -c 'import PyInstaller' 2>/dev/null; then
  "$PY" -m pip install -q --disable-pip-version-check -e '.[build]'
fi

build() {  # $1 = distpath, $2 = workpath; environment decides trimming
  local started=$SECONDS
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$1" --workpath "$2" packaging/pyinstaller/referral-desk.spec \
    > "$2.log" 2>&1 || { tail -40 "$2.log" >&2; return 1; }
  grep '^referral-desk spec:' "$2.log" | cut -c1-200 || true
  echo "built $1/referral-desk in $((SECONDS - started)) s: $(du -sm "$1/referral-desk" | cut -f1) MB"
}

mkdir -p build
echo "PyInstaller $("$PY" -m PyInstaller --version), $("$PY" --version)"
build dist build/pyinstaller

if [ "${1:-}" = "--measure" ]; then
  REFERRAL_DESK_NO_TRIM=1 build build/dist-notrim build/pyinstaller-notrim
  trimmed=$(du -sm dist/referral-desk | cut -f1)
  untrimmed=$(du -sm build/dist-notrim/referral-desk | cut -f1)
  echo "exclusions save $((untrimmed - trimmed)) MB: ${untrimmed} MB → ${trimmed} MB"
fi
