#!/usr/bin/env bash
# Makes the desktop's jlink'd runtime, jpackage app-image and .deb from the jars the build gathered.
# Called by `mvn -Pinstaller package` (installer/pom.xml) as:
#   package-desktop.sh <input dir: app/ + javafx/> <output dir> <version> <icon.png> <menu entry .desktop>
set -euo pipefail
input="$1"; output="$2"; version="$3"; icon="$4"; menu_entry="$5"
name="classroom-desktop"
main_class="org.classroom.desktop.DesktopLauncher"

for tool in jdeps jlink jpackage; do
  command -v "$tool" >/dev/null || { echo "package-desktop: $tool (from a JDK 17+) is needed" >&2; exit 1; }
done
rm -rf "$output/runtime" "$output/app-image" "$output/deb"
mkdir -p "$output/app-image" "$output/deb"

# Every class the desktop jar refers to must be on the class path we ship (the JDK and JavaFX aside):
# a missing jar (classroom-common once) only shows as a NoClassDefFoundError on the user's machine.
app_jars=$(find "$input/app" -name '*.jar' | sort | paste -sd: -)
missing=$(jdeps --multi-release 17 --missing-deps --module-path "$input/javafx" --add-modules ALL-MODULE-PATH \
  --class-path "$app_jars" "$input/app/classroom-desktop.jar")
if [[ -n "$missing" ]]; then
  echo "package-desktop: the desktop refers to classes that no jar in $input/app holds:" >&2
  echo "$missing" >&2
  exit 1
fi

# The JDK modules the app's class path needs, found by jdeps; JavaFX comes from its own jars as modules.
jdk_modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "$app_jars" "$input/app/classroom-desktop.jar")
# Also what the SDK loads reflectively or by service: TLS ciphers, DNS, JMX-free logging.
modules=$(echo "$jdk_modules,jdk.crypto.ec,jdk.localedata,jdk.zipfs,java.naming,javafx.controls,javafx.graphics,javafx.base" \
  | tr ',' '\n' | sort -u | paste -sd, -)
echo "package-desktop: runtime modules $modules"

compress="--compress=2"
[[ "$(jlink --version | cut -d. -f1)" -ge 21 ]] && compress="--compress=zip-6"
jlink --module-path "$input/javafx" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  "$compress" --output "$output/runtime"

common=(--name "$name" --app-version "${version%%-*}" --vendor "Smart Classroom Assistant"
        --description "Find out who is in a lecture clip")
jpackage --type app-image "${common[@]}" --input "$input/app" --main-jar classroom-desktop.jar \
  --main-class "$main_class" --runtime-image "$output/runtime" --icon "$icon" \
  --java-options "-Dprism.order=es2,sw" --java-options '-Dlogback.configurationFile=$APPDIR/logback.xml' \
  --dest "$output/app-image"

if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  # No --linux-shortcut: jpackage would register the menu entry from the maintainer scripts with
  # xdg-desktop-menu, which fails (exit 3, package half-configured) where there is no menu directory yet.
  # The entry and its icon are files of the package instead, where Debian packages keep them: dpkg owns
  # them (apt-get remove takes them away), menus pick them up whenever a desktop is installed, and the
  # maintainer scripts have nothing left that can fail.
  jpackage --type deb "${common[@]}" --app-image "$output/app-image/$name" --dest "$output/deb" \
    --linux-package-name "$name" --linux-package-deps "libgtk-3-0" --linux-app-category education
  deb=$(ls "$output"/deb/*.deb)
  stage="$output/deb-stage"
  rm -rf "$stage"
  dpkg-deb -R "$deb" "$stage"
  install -D -m 0644 "$menu_entry" "$stage/usr/share/applications/$name.desktop"
  install -D -m 0644 "$icon" "$stage/usr/share/icons/hicolor/256x256/apps/$name.png"
  if grep -l 'xdg-' "$stage"/DEBIAN/* >/dev/null 2>&1; then
    echo "package-desktop: a maintainer script calls xdg tools: $(grep -l 'xdg-' "$stage"/DEBIAN/*)" >&2
    exit 1
  fi
  sed -i "s/^Installed-Size:.*/Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)/" "$stage/DEBIAN/control"
  # gzip: 6 s here against 40 s for xz, for a .deb 6% larger (its jars and jlink'd modules are compressed).
  dpkg-deb --root-owner-group -Zgzip --build "$stage" "$deb" >/dev/null
  rm -rf "$stage"
  [[ "$(dpkg-deb -c "$deb")" == *"/usr/share/applications/$name.desktop"* ]] \
    || { echo "package-desktop: the menu entry is missing from $deb" >&2; exit 1; }
else
  echo "package-desktop: dpkg-deb and fakeroot are needed for the .deb; made the app-image only" >&2
fi
du -sh "$output/runtime" "$output/app-image/$name" "$output"/deb/*.deb 2>/dev/null || true
