#!/usr/bin/env bash
# Runs the real local system (cloud, function, relay; every part under the stack's policies) and the desktop window
# under Xvfb with the GTK glass and the software renderer, drops test_5.mp4 and a lecture made from the course clips
# on it and writes docs/desktop-frame.png (the row whose frame outlines the most faces selected, with the boxes) and
# docs/desktop-timeline.png (the lecture's timeline, the pointer over it showing the filmstrip's thumbnail).
# Needs xvfb, libgtk-3-0, ffmpeg and the course data (CLASSROOM_SAMPLES, default ../shared/data/cse546).
# The sibling modules' classes come from this checkout (built with -am), ahead of anything in ~/.m2.
# Usage (from anywhere): cli/src/build/evidence-screenshots.sh [OUTPUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
out="${1:-$root/docs}"
samples="${CLASSROOM_SAMPLES:-$root/../shared/data/cse546}"
[[ -d "$samples/videos" ]] || { echo "evidence-screenshots: no course data at $samples (set CLASSROOM_SAMPLES)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "evidence-screenshots: xvfb-run is needed (Debian: apt-get install xvfb libgtk-3-0)" >&2; exit 2; }
cd "$root"
mvn -o -q -pl cli -am test-compile -DskipTests
mvn -o -q -pl cli dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$root/cli/target/test-classpath.txt" >/dev/null
reactor="cli/target/test-classes:cli/target/classes"
for module in common lambda desktop localcloud relay provision; do
  reactor="$reactor:$module/target/classes"
done
reactor="$reactor:desktop/target/test-classes"
xvfb-run -a -s "-screen 0 1280x800x24" java ${EVIDENCE_SCREENSHOT_JAVA_OPTS:-} -Dprism.order=sw \
  -Dclassroom.samples="$samples" -Djava.util.prefs.userRoot="$root/cli/target/prefs" \
  -cp "$reactor:$(cat cli/target/test-classpath.txt)" \
  org.classroom.system.demo.EvidenceScreenshots "$out"
