#!/usr/bin/env bash
# Shared by the pictures taken from a real run (correction-screenshot.sh, attendance-screenshot.sh): builds this
# checkout's modules (test-compile, no tests run), then runs one picture program of org.classroom.system.demo
# under Xvfb with the GTK glass and the software renderer. The course data comes from CLASSROOM_SAMPLES (default
# ../shared/data/cse546); the sibling modules are taken from this checkout's build (their target/classes), not
# from ~/.m2. Needs xvfb and libgtk-3-0.
# Usage (from anywhere): cli/src/build/real-run-screenshot.sh CLASS OUTPUT.png
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 CLASS OUTPUT.png" >&2; exit 2; }
main="$1"
out="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
samples="${CLASSROOM_SAMPLES:-$root/../shared/data/cse546}"
[[ -d "$samples/videos" ]] || { echo "$main: no course data at $samples (set CLASSROOM_SAMPLES)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "$main: xvfb-run is needed (Debian: apt-get install xvfb libgtk-3-0)" >&2; exit 2; }
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
xvfb-run -a -s "-screen 0 1280x800x24" java ${SCREENSHOT_JAVA_OPTS:-} -Dprism.order=sw -Dclassroom.samples="$samples" \
  -Djava.util.prefs.userRoot="$root/cli/target/prefs" \
  -cp "cli/target/test-classes:cli/target/classes$siblings:$third_party" \
  "org.classroom.system.demo.$main" "$out"
