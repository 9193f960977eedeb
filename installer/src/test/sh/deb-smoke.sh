#!/usr/bin/env bash
# Installs the desktop's .deb into a scratch root (dpkg-deb -x: no root rights, no dpkg database touched),
# starts the installed launcher under Xvfb and waits until its window appears. Run after
#   mvn -B -DskipTests -Pinstaller package
# Needs: xvfb-run, xwininfo (x11-utils), libgtk-3-0.
set -euo pipefail
here="$(cd "$(dirname "$0")/../../.." && pwd)"
deb="$(ls "$here"/target/desktop/deb/*.deb 2>/dev/null | head -1)"
[[ -n "$deb" ]] || { echo "deb-smoke: no .deb under installer/target/desktop/deb; build it first" >&2; exit 1; }
command -v xwininfo >/dev/null || { echo "deb-smoke: xwininfo (Debian package x11-utils) is needed" >&2; exit 1; }

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
echo "deb-smoke: $(basename "$deb") ($(du -h "$deb" | cut -f1)) depends on: $(dpkg-deb -f "$deb" Depends)"
launcher="$(find "$root" -path '*/bin/classroom-desktop' -type f | head -1)"
[[ -x "$launcher" ]] || { echo "deb-smoke: no launcher in the package" >&2; exit 1; }

export XDG_CONFIG_HOME="$root/config"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  "$1" >"$2/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 60); do
    if xwininfo -root -tree | grep -q "Smart Classroom"; then
      echo "deb-smoke: window is up: $(xwininfo -root -tree | grep "Smart Classroom" | head -1)"
      kill $app; exit 0
    fi
    kill -0 $app 2>/dev/null || { echo "deb-smoke: the app exited"; cat "$2/app.log"; exit 1; }
    sleep 1
  done
  echo "deb-smoke: no window after 60 s"; cat "$2/app.log"; kill $app; exit 1
' _ "$launcher" "$root"
