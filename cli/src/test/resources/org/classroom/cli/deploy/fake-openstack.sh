#!/usr/bin/env bash
# Plays the OpenStack CLI for RelayStackCommandTest: logs each call, keeps each environment file it is given
# (env-1.json, env-2.json...), and answers from $FAKE_OPENSTACK_DIR: stack.json is the stack as `stack show`
# sees it; after-create.json / after-update.json become it; preview.json is what `stack update --dry-run` says.
dir=$FAKE_OPENSTACK_DIR
echo "$*" >>"$dir/calls.txt"
if [[ "$1" == "--os-cloud" ]]; then shift 2; fi
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ "${args[i]}" == "-e" ]]; then
    count=$(find "$dir" -maxdepth 1 -name 'env-*.json' | wc -l)
    cp "${args[i + 1]}" "$dir/env-$((count + 1)).json"
  fi
done
case "$1 $2" in
  "stack show")
    if [[ -f "$dir/stack.json" ]]; then cat "$dir/stack.json"; else echo "Stack not found: $3"; exit 1; fi
    ;;
  "stack create")
    echo "classroom-relay: CREATE_IN_PROGRESS  Stack CREATE started"
    cp "$dir/after-create.json" "$dir/stack.json"
    echo "classroom-relay: CREATE_COMPLETE  Stack CREATE completed successfully"
    ;;
  "stack update")
    if [[ "$*" == *--dry-run* ]]; then cat "$dir/preview.json"; exit 0; fi
    echo "classroom-relay: UPDATE_IN_PROGRESS  Stack UPDATE started"
    cp "$dir/after-update.json" "$dir/stack.json"
    echo "classroom-relay: UPDATE_COMPLETE  Stack UPDATE completed successfully"
    ;;
  *) echo "fake openstack: unexpected call: $*" >&2; exit 2 ;;
esac
