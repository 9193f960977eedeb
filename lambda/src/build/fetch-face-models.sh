#!/usr/bin/env bash
# Build step: brings the face networks' weights (TF.js manifests + uint8-quantised .bin files) from
# the npm package @vladmandic/face-api, checked against its published integrity, into the jar's
# resources. The package is cached outside target/ so a clean build does not fetch it again.
#   usage: fetch-face-models.sh OUTPUT_DIR
set -euo pipefail

package="@vladmandic/face-api"
version="1.7.15"
integrity="sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw=="
models=(ssd_mobilenetv1_model tiny_face_detector_model face_landmark_68_model face_recognition_model)

out="${1:?usage: fetch-face-models.sh OUTPUT_DIR}"
cache="${CLASSROOM_MODEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/classroom/npm}"
tarball="$cache/vladmandic-face-api-$version.tgz"

checksum() { echo "sha512-$(openssl dgst -sha512 -binary "$1" | base64 -w0)"; }

if [[ ! -f "$tarball" || "$(checksum "$tarball")" != "$integrity" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "ERROR: npm is needed once to fetch the face model weights ($package@$version)." >&2
    echo "ERROR: install Node.js and npm (Debian: apt-get install npm), or put the package tarball at $tarball." >&2
    exit 1
  fi
  mkdir -p "$cache"
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  echo "Fetching $package@$version with npm pack (once; cached in $cache)"
  (cd "$scratch" && npm pack --silent "$package@$version" >/dev/null)
  fetched="$scratch/vladmandic-face-api-$version.tgz"
  actual="$(checksum "$fetched")"
  if [[ "$actual" != "$integrity" ]]; then
    echo "ERROR: $package@$version does not match its integrity: expected $integrity, got $actual" >&2
    exit 1
  fi
  mv "$fetched" "$tarball"
fi

mkdir -p "$out/models"
members=()
for model in "${models[@]}"; do
  members+=("package/model/$model-weights_manifest.json" "package/model/$model.bin")
done
tar -xzf "$tarball" -C "$out/models" --strip-components=2 "${members[@]}"
tar -xzf "$tarball" -O package/LICENSE > "$out/models/face-api-LICENSE.txt"
