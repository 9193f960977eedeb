#!/bin/sh
# Installs the classroom relay bundle: /opt/classroom-relay, its system user, its systemd unit and
# /etc/classroom-relay/relay.env (the secrets go to secrets.env, by hand or by `classroom deploy relay`; see
# secrets.env.example). Usage: install.sh [--root DIR] [--keep-env]
#   --root DIR   install into a scratch root (a debootstrap folder, for instance) instead of /
#   --keep-env   leave an existing relay.env alone (cloud-init writes it before this runs)
set -eu
root=""
keep_env=0
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="$2"; shift 2 ;;
    --keep-env) keep_env=1; shift ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
here=$(cd "$(dirname "$0")" && pwd)

if [ -n "$root" ] || ! getent passwd classroom-relay >/dev/null; then
  if [ -n "$root" ]; then
    grep -q '^classroom-relay:' "$root/etc/passwd" 2>/dev/null \
      || useradd --root "$root" --system --user-group --home-dir /var/lib/classroom-relay \
           --shell /usr/sbin/nologin classroom-relay
  else
    useradd --system --user-group --home-dir /var/lib/classroom-relay --shell /usr/sbin/nologin classroom-relay
  fi
fi

install -d -m 0755 "$root/opt/classroom-relay" "$root/opt/classroom-relay/bin" "$root/opt/classroom-relay/lib"
rm -f "$root"/opt/classroom-relay/lib/*.jar
install -m 0644 "$here"/lib/*.jar "$root/opt/classroom-relay/lib/"
install -m 0755 "$here"/bin/* "$root/opt/classroom-relay/bin/"
install -m 0644 "$here/README.md" "$root/opt/classroom-relay/README.md"
install -d -m 0755 "$root/etc/systemd/system"
install -m 0644 "$here/classroom-relay.service" "$root/etc/systemd/system/classroom-relay.service"
install -d -m 0750 "$root/etc/classroom-relay"
if [ "$keep_env" -eq 0 ] || [ ! -f "$root/etc/classroom-relay/relay.env" ]; then
  if [ -f "$root/etc/classroom-relay/relay.env" ]; then
    echo "install.sh: keeping the existing /etc/classroom-relay/relay.env; the new example is relay.env.example"
  else
    install -m 0600 "$here/relay.env.example" "$root/etc/classroom-relay/relay.env"
  fi
fi
install -m 0644 "$here/relay.env.example" "$here/secrets.env.example" "$root/etc/classroom-relay/"

if [ -z "$root" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
fi
echo "classroom relay installed${root:+ under $root}; edit /etc/classroom-relay/relay.env, write secrets.env" \
  "(see secrets.env.example), then: systemctl enable --now classroom-relay"
