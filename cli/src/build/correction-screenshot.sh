#!/usr/bin/env bash
# Runs the real local system (cloud + function + relay) and the desktop window under Xvfb with the GTK glass and
# the software renderer, drops the course's 8 clips, opens "This is…" on test_5's unknown boy and writes
# docs/desktop-correction.png: the dialog over the real results. Same set-up as demo-screenshot.sh (xvfb,
# libgtk-3-0, the course data in CLASSROOM_SAMPLES, default ../shared/data/cse546), but the sibling modules are
# taken from this checkout's build (their target/classes), not from ~/.m2.
# Usage (from anywhere): cli/src/build/correction-screenshot.sh [OUTPUT.png]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
out="${1:-$root/docs/desktop-correction.png}"
samples="${CLASSROOM_SAMPLES:-$root/../shared/data/cse546}"
[[ -d "$samples/videos" ]] || { echo "correction-screenshot: no course data at $samples (set CLASSROOM_SAMPLES)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "correction-screenshot: xvfb-run is needed (Debian: apt-get install xvfb libgtk-3-0)" >&2; exit 2; }
cd "$root"
mvn -o -q -pl cli -am test-compile
mvn -o -q -pl cli dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$root/cli/target/test-classpath.txt" >/dev/null
siblings=""
for module in common lambda relay desktop localcloud provision; do
  siblings="$siblings:$root/$module/target/classes"
done
siblings="$siblings:$root/desktop/target/test-classes"
third_party="$(tr ':' '\n' < cli/target/test-classpath.txt | grep -v '/org/classroom/' | paste -sd: -)"
xvfb-run -a -s "-screen 0 1280x800x24" java -Dprism.order=sw -Dclassroom.samples="$samples" \
  -Djava.util.prefs.userRoot="$root/cli/target/prefs" \
  -cp "cli/target/test-classes:cli/target/classes$siblings:$third_party" \
  org.classroom.system.demo.CorrectionScreenshot "$out"
