#!/usr/bin/env bash
# Runs the real demo (local cloud + function + relay + desktop window) under Xvfb with the GTK glass and the
# software renderer, drops the course's 8 clips on the window, waits for their results and writes
# docs/demo-course-clips.png (and docs/demo-uploads.png, taken while the work is under way).
# Needs xvfb and libgtk-3-0 (Debian) and the course data (CLASSROOM_SAMPLES, default ../shared/data/cse546).
# The sibling modules come from ~/.m2: after changing them, `mvn -o -q -pl <module> install -DskipTests` first.
# Usage (from anywhere): cli/src/build/demo-screenshot.sh [OUTPUT.png [IN-PROGRESS.png]]
# Extra JVM options go in DEMO_SCREENSHOT_JAVA_OPTS, e.g. -Dclassroom.screenshot.timeoutSeconds=300 (default 180).
# Exit status: 0 picture written; 1 the results did not come (or were wrong) in time; 2 nothing started.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
out="${1:-$root/docs/demo-course-clips.png}"
progress="${2:-$root/docs/demo-uploads.png}"
samples="${CLASSROOM_SAMPLES:-$root/../shared/data/cse546}"
[[ -d "$samples/videos" ]] || { echo "demo-screenshot: no course data at $samples (set CLASSROOM_SAMPLES)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "demo-screenshot: xvfb-run is needed (Debian: apt-get install xvfb libgtk-3-0)" >&2; exit 2; }
cd "$root"
mvn -o -q -pl cli test-compile
mvn -o -q -pl cli dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$root/cli/target/test-classpath.txt" >/dev/null
xvfb-run -a -s "-screen 0 1280x800x24" java ${DEMO_SCREENSHOT_JAVA_OPTS:-} -Dprism.order=sw -Dclassroom.samples="$samples" \
  -Djava.util.prefs.userRoot="$root/cli/target/prefs" \
  -cp "cli/target/test-classes:cli/target/classes:$(cat cli/target/test-classpath.txt)" \
  org.classroom.system.demo.DemoScreenshot "$out" "$progress"
