#!/usr/bin/env bash
# Renders the desktop window with sample state under Xvfb (GTK glass, software renderer) and writes
# docs/desktop-{empty,uploads,results,roster,settings}.png. Needs xvfb and libgtk-3-0 (Debian), and the course data.
# (desktop-attendance.png is taken from a real run: cli/src/build/attendance-screenshot.sh.)
# Usage (from the repo root): desktop/src/build/take-screenshots.sh [OUTPUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
out="${1:-$root/docs}"
samples="${CLASSROOM_SAMPLES:-$root/../shared/data/cse546}"
cd "$root"
mvn -o -q -pl desktop test-compile
mvn -o -q -pl desktop dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$root/desktop/target/test-classpath.txt" >/dev/null
xvfb-run -a -s "-screen 0 1280x800x24" java -Dprism.order=sw -Dclassroom.samples="$samples" \
  -Djava.util.prefs.userRoot="$root/desktop/target/prefs" \
  -cp "desktop/target/classes:desktop/target/test-classes:$(cat desktop/target/test-classpath.txt)" \
  org.classroom.desktop.gui.DesktopScreenshots "$out"
