#!/usr/bin/env bash
# Installs the relay tarball into a clean Debian 12 root made with debootstrap, then has systemd verify
# the installed unit inside that root. Needs root and Debian's debootstrap; downloads a minimal system
# (with systemd) from the machine's configured Debian mirror. Run after
#   mvn -B -DskipTests -Pinstaller package
# Usage: installer/src/test/sh/relay-debootstrap.sh [ROOT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/../../.." && pwd)"
tarball="$(ls "$here"/target/classroom-relay-*.tar.gz 2>/dev/null | head -1)"
[[ -n "$tarball" ]] || { echo "relay-debootstrap: no relay tarball under installer/target; build it first" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "relay-debootstrap: debootstrap is needed (apt-get install debootstrap)" >&2; exit 1; }
[[ $(id -u) -eq 0 ]] || { echo "relay-debootstrap: needs root (debootstrap, useradd --root)" >&2; exit 1; }

root="${1:-$(mktemp -d /tmp/relay-root.XXXXXX)}"
if [[ ! -x "$root/bin/sh" ]]; then
  mirror="$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
  [[ -n "$mirror" ]] || mirror="$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)"
  echo "relay-debootstrap: making a Debian 12 root in $root"
  debootstrap --variant=minbase --include=systemd,passwd bookworm "$root" ${mirror:+"$mirror"} >/tmp/relay-debootstrap.log 2>&1 \
    || { tail -20 /tmp/relay-debootstrap.log; exit 1; }
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
"$work/classroom-relay/install.sh" --root "$root"
ls -l "$root/opt/classroom-relay/bin" "$root/etc/systemd/system/classroom-relay.service"
grep '^classroom-relay:' "$root/etc/passwd"
systemd-analyze verify --root="$root" /etc/systemd/system/classroom-relay.service
echo "relay-debootstrap: the unit verifies in a clean Debian root ($root)"
