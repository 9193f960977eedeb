#!/usr/bin/env bash
# Installs what `mvn -B -DskipTests -Pinstaller package` made the way a user or an operator does, and checks
# that it runs:
#   desktop  apt-get install ./classroom-desktop_*.deb; the installed launcher, under xvfb-run, opens the
#            window "Smart Classroom Assistant"; apt-get remove -y classroom-desktop leaves nothing behind.
#   relay    the relay tarball's install.sh into a scratch root; its relay.env pointed at a local cloud
#            (`./classroom serve` on free ports, or --endpoint URL); the installed launcher starts the
#            relay, which answers /healthz and has found its queues there.
# Usage (as root: it installs and removes a real package):
#   installer/src/test/sh/install-check.sh [--endpoint URL] [--keep] [desktop] [relay]
#     desktop, relay   run only these checks (default: both)
#     --endpoint URL   a local cloud that is already running (default: start one, stop it afterwards)
#     --keep           keep the scratch folder (logs, the relay's root) for a look afterwards
# Needs: apt-get, xvfb-run (xvfb, xauth), xwininfo (x11-utils), curl, Java 17+. Every wait is bounded.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../../.." && pwd)"
target="$repo/installer/target"
package="classroom-desktop"
title="Smart Classroom Assistant"
window_wait="${WINDOW_WAIT:-90}"   # seconds for the window to show
cloud_wait="${CLOUD_WAIT:-600}"    # seconds for `./classroom serve` (it builds first if it must)
relay_wait="${RELAY_WAIT:-60}"     # seconds for the relay to answer /healthz and find its queues

say() { echo "install-check: $*"; }
fail() { echo "install-check: FAILED: $*" >&2; exit 1; }

endpoint=""; keep=0; checks=()
while (($#)); do
  case "$1" in
    --endpoint) [[ $# -ge 2 ]] || fail "--endpoint needs a URL"; endpoint="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    desktop|relay) checks+=("$1"); shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown argument $1 (try --help)" ;;
  esac
done
((${#checks[@]})) || checks=(desktop relay)

[[ $(id -u) -eq 0 ]] || fail "run me as root: I install and remove the $package package with apt-get (CI runs as root)"
need() { command -v "$1" >/dev/null 2>&1 || fail "$1 is needed (Debian package: $2)"; }
need curl curl
need timeout coreutils
need setsid util-linux

scratch="$(mktemp -d /tmp/install-check.XXXXXX)"
pids=()   # process groups started here, stopped on exit
alive() {  # alive PID: running (an exited child of ours stays a zombie until reaped: reap it)
  grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null && { wait "$1" 2>/dev/null || true; }
  kill -0 "$1" 2>/dev/null
}
stop_group() {  # stop_group PID SECONDS: TERM the group led by PID, KILL it if it is still there after SECONDS
  local pid="$1" grace="$2" i
  alive "$pid" || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 5; i++)); do alive "$pid" || return 0; sleep 0.2; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  return 1
}
cleanup() {
  local pid
  for pid in "${pids[@]}"; do stop_group "$pid" 30 || true; done
  if ((keep)); then say "kept $scratch"; else rm -rf "$scratch"; fi
}
trap cleanup EXIT

remove_quietly() {  # after a failure: leave no (half-)installed package behind, as far as apt can
  timeout 600 apt-get -o DPkg::Lock::Timeout=300 remove -y -q "$package" >"$scratch/apt-remove.log" 2>&1 && return 0
  tail -n 8 "$scratch/apt-remove.log" >&2
  echo "install-check: apt-get remove $package failed too (above); dpkg -l $package shows what is left" >&2
}

# --- desktop: a real apt install, the window, a real removal ---------------------------------------------------
check_desktop() {
  need apt-get apt
  need xvfb-run "xvfb and xauth"
  need xwininfo x11-utils
  local deb status
  deb="$(ls "$target"/desktop/deb/"$package"_*.deb 2>/dev/null | head -1)"
  [[ -n "$deb" ]] || fail "no .deb under installer/target/desktop/deb; build it: mvn -B -DskipTests -Pinstaller -pl installer -am package"
  status="$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)"
  [[ "$status" != "installed" && "$status" != "half-configured" && "$status" != "unpacked" ]] \
    || fail "$package is already installed ($status); this check installs and removes it: apt-get remove $package first"

  say "apt-get install $deb ($(du -h "$deb" | cut -f1))"
  export DEBIAN_FRONTEND=noninteractive
  # The lock timeout lets a concurrent apt run finish; timeout bounds the whole install.
  if ! timeout 900 apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "$deb" >"$scratch/apt-install.log" 2>&1; then
    tail -n 30 "$scratch/apt-install.log" >&2
    remove_quietly
    fail "apt-get install of $(basename "$deb") failed (log above)"
  fi
  status="$(dpkg-query -W -f='${db:Status-Status} ${Version}' "$package" 2>/dev/null || true)"
  [[ "$status" == installed\ * ]] || { tail -n 30 "$scratch/apt-install.log" >&2; remove_quietly; fail "$package is not fully installed after apt-get: '$status'"; }
  say "installed: $package ${status#installed }, $(dpkg-query -W -f='${Installed-Size}' "$package") KiB"

  local launcher="/opt/$package/bin/$package" entry="/usr/share/applications/$package.desktop"
  [[ -x "$launcher" ]] || fail "the package installed no launcher at $launcher"
  [[ -f "$entry" ]] || fail "the package installed no menu entry at $entry"
  grep -qx "Exec=$launcher" "$entry" || fail "the menu entry $entry does not start $launcher"

  # The installed launcher, as a user starts it, with a home of its own (first-run settings go there).
  mkdir -p "$scratch/home"
  say "starting $launcher under xvfb-run; waiting up to ${window_wait} s for the window \"$title\""
  local found=0
  if timeout $((window_wait + 60)) env HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" \
      xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        launcher="$1"; title="$2"; wait_s="$3"; log="$4"
        "$launcher" >"$log" 2>&1 &
        app=$!
        for ((i = 0; i < wait_s; i++)); do
          line="$(xwininfo -root -tree 2>/dev/null | grep -F "\"$title\"" | head -1 || true)"
          if [[ -n "$line" ]]; then
            echo "install-check: window found after ${i} s:${line}"
            kill "$app"; wait "$app" 2>/dev/null || true
            exit 0
          fi
          kill -0 "$app" 2>/dev/null || { wait "$app"; echo "install-check: the launcher exited (status $?) before any window"; exit 1; }
          sleep 1
        done
        echo "install-check: no window \"$title\" after ${wait_s} s"
        kill -9 "$app" 2>/dev/null || true
        exit 1
      ' _ "$launcher" "$title" "$window_wait" "$scratch/desktop.log"; then
    found=1
  fi
  if ((!found)); then
    echo "--- the desktop's output ($scratch/desktop.log):" >&2
    tail -n 40 "$scratch/desktop.log" >&2 || true
    remove_quietly
    fail "the installed launcher showed no window"
  fi

  say "apt-get remove -y $package"
  if ! timeout 600 apt-get -o DPkg::Lock::Timeout=300 remove -y -q "$package" >"$scratch/apt-remove.log" 2>&1; then
    tail -n 30 "$scratch/apt-remove.log" >&2
    fail "apt-get remove $package failed (log above)"
  fi
  status="$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || echo not-installed)"
  [[ "$status" == "not-installed" || "$status" == "config-files" ]] || fail "$package is still '$status' after apt-get remove"
  [[ ! -e "/opt/$package" ]] || { find "/opt/$package" | head -20 >&2; fail "apt-get remove left /opt/$package behind (above)"; }
  [[ ! -e "$entry" ]] || fail "apt-get remove left the menu entry $entry behind"
  say "removed: $package is $status; /opt/$package and $entry are gone"
}

# --- relay: the tarball installed into a scratch root, run against a local cloud -------------------------------
set_env() {  # set_env FILE KEY VALUE: what an operator does with sudoedit
  local file="$1" key="$2" value="$3"
  if grep -qE "^#? *$key=" "$file"; then
    sed -i -E "s|^#? *$key=.*|$key=$value|" "$file"
  else
    echo "$key=$value" >>"$file"
  fi
}

start_local_cloud() {
  say "starting a local system (./classroom serve --port 0 --relay-port 0 --fresh); waiting up to ${cloud_wait} s"
  # setsid: the launcher (and the build it may run first) in a process group of its own, stopped as one.
  : >"$scratch/local-cloud.log"
  setsid "$repo/classroom" serve --port 0 --relay-port 0 --fresh >"$scratch/local-cloud.log" 2>&1 </dev/null &
  local pid=$!
  pids+=("$pid")
  for ((i = 0; i < cloud_wait; i++)); do
    if grep -q '^ready in' "$scratch/local-cloud.log"; then
      endpoint="$(sed -n 's/^ready in [0-9.]* s: local cloud at \(http[^ ]*\).*/\1/p' "$scratch/local-cloud.log" | head -1)"
      [[ -n "$endpoint" ]] || break
      say "local cloud ready at $endpoint after ${i} s"
      return 0
    fi
    alive "$pid" || break
    sleep 1
  done
  echo "--- ./classroom serve ($scratch/local-cloud.log):" >&2
  tail -n 30 "$scratch/local-cloud.log" >&2
  fail "the local cloud did not come up within ${cloud_wait} s"
}

check_relay() {
  need java "openjdk-17-jre-headless"
  need useradd passwd
  local tarball root env_file secrets_file
  tarball="$(ls "$target"/classroom-relay-*.tar.gz 2>/dev/null | head -1)"
  [[ -n "$tarball" ]] || fail "no relay tarball under installer/target; build it: mvn -B -DskipTests -Pinstaller -pl installer -am package"
  [[ -n "$endpoint" ]] || start_local_cloud

  # A scratch root with what useradd --root needs; install.sh does the rest, as on a VM.
  root="$scratch/relay-root"
  mkdir -p "$root/etc" "$scratch/relay-bundle"
  echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
  echo 'root:x:0:' >"$root/etc/group"
  echo 'root:*:19000:0:99999:7:::' >"$root/etc/shadow"
  echo 'root:*::' >"$root/etc/gshadow"
  tar -xzf "$tarball" -C "$scratch/relay-bundle"
  say "installing $(basename "$tarball") ($(du -h "$tarball" | cut -f1)) into $root"
  "$scratch/relay-bundle/classroom-relay/install.sh" --root "$root" >"$scratch/relay-install.log" 2>&1 \
    || { cat "$scratch/relay-install.log" >&2; fail "the relay's install.sh failed"; }
  [[ -x "$root/opt/classroom-relay/bin/classroom-relay" ]] || fail "install.sh installed no launcher"
  grep -q '^classroom-relay:' "$root/etc/passwd" || fail "install.sh made no classroom-relay user"

  # The operator's edits: relay.env gets the local cloud's endpoint and key, any free port, plain HTTP;
  # secrets.env (from its example, root's only) the token.
  env_file="$root/etc/classroom-relay/relay.env"
  secrets_file="$root/etc/classroom-relay/secrets.env"
  install -m 0600 "$root/etc/classroom-relay/secrets.env.example" "$secrets_file"
  local token
  token="check-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  set_env "$env_file" CLASSROOM_ENDPOINT "$endpoint"
  # The relay's own key: the local cloud holds it to the template's relay policy, as IAM would on AWS.
  set_env "$env_file" CLASSROOM_LOCAL_KEY relay
  set_env "$secrets_file" CLASSROOM_RELAY_TOKEN "$token"
  set_env "$env_file" CLASSROOM_RELAY_PORT 0
  set_env "$env_file" CLASSROOM_RELAY_KEYSTORE ""

  # Started as the unit starts it: relay.env and secrets.env as its environment, results under the state folder; a clean
  # environment otherwise, so no setting of this machine's user leaks in.
  local state="$root/var/lib/classroom-relay"
  mkdir -p "$state" "$scratch/relay-home"
  say "starting the installed relay ($root/opt/classroom-relay/bin/classroom-relay)"
  : >"$scratch/relay.log"
  (
    cd "$state"
    exec setsid env -i PATH="$PATH" HOME="$scratch/relay-home" XDG_CONFIG_HOME="$scratch/relay-home/.config" \
      CLASSROOM_RESULTS_DIR="$state/results" \
      sh -c 'set -a; . "$1"; . "$2"; set +a; exec "$3"' _ "$env_file" "$secrets_file" "$root/opt/classroom-relay/bin/classroom-relay"
  ) >"$scratch/relay.log" 2>&1 </dev/null &
  local pid=$!
  pids+=("$pid")

  local api="" health=""
  for ((i = 0; i < relay_wait; i++)); do
    alive "$pid" || { tail -n 30 "$scratch/relay.log" >&2; fail "the installed relay exited"; }
    [[ -n "$api" ]] || api="$(sed -n 's/.* API \(http[^ ;]*\).*/\1/p' "$scratch/relay.log" | head -1)"
    if [[ -n "$api" ]]; then
      health="$(curl -fsS --max-time 5 "$api/healthz" 2>/dev/null || true)"
      # "deadLetterQueue" is read from the input queue's redrive policy: the relay has reached the cloud.
      if [[ "$health" == *'"status":"ok"'* && "$health" == *'"deadLetterQueue":"'* ]]; then
        say "relay answered $api/healthz after ${i} s: $health"
        break
      fi
    fi
    sleep 1
  done
  if [[ "$health" != *'"status":"ok"'* || "$health" != *'"deadLetterQueue":"'* ]]; then
    echo "--- the relay's log ($scratch/relay.log):" >&2
    tail -n 30 "$scratch/relay.log" >&2
    fail "no healthy /healthz from the installed relay within ${relay_wait} s (last answer: ${health:-none}; API: ${api:-not up})"
  fi
  local results
  results="$(curl -fsS --max-time 5 -H "Authorization: Bearer $token" "$api/api/results")" \
    || fail "$api/api/results refused the token from secrets.env"
  say "relay answered $api/api/results with the token: $results"

  # A clean stop, as systemctl stop does it (SIGTERM).
  if stop_group "$pid" 45; then
    say "relay stopped on SIGTERM: $(grep -o 'Relay stopped.*' "$scratch/relay.log" | head -1)"
  else
    fail "the relay did not stop within 45 s of SIGTERM"
  fi
}

started=$SECONDS
for check in "${checks[@]}"; do
  "check_$check"
done
say "passed (${checks[*]}) in $((SECONDS - started)) s"
