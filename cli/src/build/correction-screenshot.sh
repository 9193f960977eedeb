#!/usr/bin/env bash
# Runs the real local system (cloud + function + relay) and the desktop window under Xvfb with the GTK glass and
# the software renderer, drops the course's 8 clips, opens "This is…" on test_5's unknown boy and writes
# docs/desktop-correction.png: the dialog over the real results. Same set-up as demo-screenshot.sh (xvfb,
# libgtk-3-0, the course data in CLASSROOM_SAMPLES, default ../shared/data/cse546), but the sibling modules are
# taken from this checkout's build (their target/classes), not from ~/.m2 (see real-run-screenshot.sh).
# Usage (from anywhere): cli/src/build/correction-screenshot.sh [OUTPUT.png]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
exec "$root/cli/src/build/real-run-screenshot.sh" CorrectionScreenshot "$(realpath -m "${1:-$root/docs/desktop-correction.png}")"
