#!/usr/bin/env bash
# Runs the real local system (cloud + function + relay) and the desktop window under Xvfb with the GTK glass and
# the software renderer, puts course clips into the input bucket as three weekly folders (week-1/ … week-3/; week 3
# also gets the lecture evidence-screenshots.sh makes from the clips), adds a roster student who is in none of them,
# waits for every result and writes docs/desktop-attendance.png: the Attendance tab grouped by folder, with the
# engine's times on screen, the never-seen students and the chart.
# Needs xvfb, libgtk-3-0, ffmpeg and the course data (CLASSROOM_SAMPLES, default ../shared/data/cse546); the modules
# are this checkout's build (see real-run-screenshot.sh). SCREENSHOT_JAVA_OPTS adds JVM options, e.g.
# -Dclassroom.screenshot.timeoutSeconds=600 on a slow machine (default 360).
# Usage (from anywhere): cli/src/build/attendance-screenshot.sh [OUTPUT.png]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
exec "$root/cli/src/build/real-run-screenshot.sh" AttendanceScreenshot "$(realpath -m "${1:-$root/docs/desktop-attendance.png}")"
