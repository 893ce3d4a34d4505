#!/usr/bin/env bash
# Proves the PyInstaller bundle in dist/referral-desk carries what the app loads:
#   1. no bundled ELF file links a library that is missing;
#   2. `referral-desk selftest` passes in the bundle, headless, in an empty HOME
#      (and fails, with only the keyring check failing, when no keyring backend answers);
#   3. `referral-desk registry validate` works on the bundled registry;
#   4. the window starts on Qt's offscreen platform, and on xcb under Xvfb when Xvfb exists.
# Usage: packaging/check-linux-bundle.sh [dist/referral-desk]
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE="${1:-dist/referral-desk}"
EXE="$BUNDLE/referral-desk"
[ -x "$EXE" ] || { echo "no bundle at $BUNDLE (run packaging/build-linux.sh)" >&2; exit 1; }

WORK="$(mktemp -d)"
GUI_PID=""
XVFB_PID=""
cleanup() {
  [ -n "$GUI_PID" ] && kill "$GUI_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# A clean environment: nothing from this shell's Python may leak into the frozen app.
run_clean() {
  env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 "$@"
}
mkdir -p "$WORK/home"

echo "== bundle size"
du -sm "$BUNDLE"

echo "== shared libraries resolve"
missing=0
while IFS= read -r -d '' file; do
  if [ "$(head -c 4 "$file" | tail -c 3)" = "ELF" ]; then
    if LD_LIBRARY_PATH="$BUNDLE/_internal" ldd "$file" 2>/dev/null | grep -q 'not found'; then
      echo "  $file:"; LD_LIBRARY_PATH="$BUNDLE/_internal" ldd "$file" | grep 'not found'
      missing=1
    fi
  fi
done < <(find "$BUNDLE" -type f \( -name '*.so*' -o -name referral-desk \) -print0)
[ "$missing" = 0 ] || { echo "missing libraries" >&2; exit 1; }
echo "  ok"

echo "== selftest without a keyring backend (must fail on the keyring only)"
set +e
run_clean QT_QPA_PLATFORM=offscreen "$EXE" selftest --json > "$WORK/nokeyring.json"
rc=$?
set -e
[ "$rc" = 1 ] || { echo "expected exit 1, got $rc" >&2; cat "$WORK/nokeyring.json"; exit 1; }
python3 - "$WORK/nokeyring.json" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
failed = [c["name"] for c in report["checks"] if not c["ok"]]
assert failed == ["keyring"], failed
print("  exit 1, failed:", failed)
EOF

echo "== selftest with a keyring backend configured in keyringrc.cfg (must pass)"
# A frozen app ignores PYTHONPATH; keyring's own config file can add a backend's folder.
mkdir -p "$WORK/backend" "$WORK/home/.config/python_keyring"
cat > "$WORK/backend/memkeyring.py" <<'EOF'
import keyring.backend


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise RuntimeError("read-only probe backend")

    def delete_password(self, service, username):
        raise RuntimeError("read-only probe backend")
EOF
printf '[backend]\ndefault-keyring=memkeyring.MemoryKeyring\nkeyring-path=%s\n' "$WORK/backend" \
  > "$WORK/home/.config/python_keyring/keyringrc.cfg"
run_clean QT_QPA_PLATFORM=offscreen "$EXE" selftest
run_clean QT_QPA_PLATFORM=offscreen "$EXE" selftest --json > "$WORK/ok.json"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['ok'], r" "$WORK/ok.json"

echo "== registry validate on the bundled registry"
run_clean "$EXE" registry validate "$BUNDLE/_internal/config/partners.toml"

gui_starts() {  # $1 = label; the rest = environment for the app
  local label="$1"; shift
  run_clean "$@" "$EXE" > "$WORK/gui.out" 2>&1 &
  GUI_PID=$!
  sleep 6
  if ! kill -0 "$GUI_PID" 2>/dev/null; then
    echo "the window did not stay up on $label:" >&2; cat "$WORK/gui.out" >&2; exit 1
  fi
  kill "$GUI_PID"; wait "$GUI_PID" 2>/dev/null || true; GUI_PID=""
  if grep -qi 'could not load\|cannot load\|no Qt platform plugin' "$WORK/gui.out"; then
    cat "$WORK/gui.out" >&2; exit 1
  fi
  echo "  window up for 6 s on $label"
}

echo "== the window starts (offscreen)"
gui_starts offscreen QT_QPA_PLATFORM=offscreen

if command -v Xvfb >/dev/null 2>&1; then
  echo "== the window starts (xcb under Xvfb)"
  Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  sleep 2
  gui_starts "xcb (Xvfb :97)" DISPLAY=:97 QT_QPA_PLATFORM=xcb
fi

echo "bundle check passed: $BUNDLE"
