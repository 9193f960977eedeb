#!/usr/bin/env bash
# Plays OpenSSH's client for RelayStackCommandTest: logs each call to $FAKE_OPENSTACK_DIR/ssh-calls.txt, keeps
# what it is given on standard input (ssh-stdin-1.txt, ...), and answers a certificate read with relay.crt there.
dir=$FAKE_OPENSTACK_DIR
echo "$*" >>"$dir/ssh-calls.txt"
count=$(find "$dir" -maxdepth 1 -name 'ssh-stdin-*.txt' | wc -l)
cat >"$dir/ssh-stdin-$((count + 1)).txt"
remote=${!#}
if [[ "$remote" == *relay.crt* ]]; then cat "$dir/relay.crt"; fi
