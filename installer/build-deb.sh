#!/usr/bin/env bash
# Builds the Linux package from the kiosk's jars:
#   1. jlink: a JDK 25 runtime with the JavaFX 26 modules linked in (from Maven Central's modular jars; their
#      native libraries go to runtime/lib, where JavaFX loads them before it would extract them to ~/.openjfx);
#   2. jpackage: an app image with two launchers, bianmin-kiosk and kioskctl;
#   3. a training run (headless smoke start) writes the JDK 25 AOT cache the launchers use (-XX:AOTCache);
#   4. dpkg-deb: the .deb with the systemd unit, wrappers, maintainer scripts and examples from installer/linux.
# Usage: build-deb.sh JARS_DIR OUT_DIR VERSION      (JAVA_HOME: a JDK 25)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JARS=$(cd "$1" && pwd) OUT=$(mkdir -p "$2" && cd "$2" && pwd) VERSION=${3%%-*}
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
NAME=bianmin-kiosk
if ! command -v dpkg-deb >/dev/null; then
  echo "installer: dpkg-deb not found: the .deb is built on Debian/Ubuntu only (skip with -Dinstaller.skip)" >&2
  exit 1
fi
if [ "$(uname -m)" != x86_64 ]; then
  echo "installer: the .deb is built for amd64 (the natives it ships are x86_64); this machine is $(uname -m)" >&2
  exit 1
fi
W=$OUT/work
rm -rf "$W" && mkdir -p "$W/fx" "$W/app" "$OUT"

# --- 1. runtime ----------------------------------------------------------------------------------------------------
cp "$JARS"/javafx-*-linux.jar "$W/fx/"
find "$JARS" -maxdepth 1 -name '*.jar' ! -name 'javafx-*' -exec cp -p {} "$W/app/" \;
# sqlite-jdbc carries its native library for 20 platforms (21 MB); this package is amd64 Linux: keep that one.
SQLITE_JAR=$(ls "$W/app"/sqlite-jdbc-*.jar)
mkdir -p "$W/sqlite" && (cd "$W/sqlite" && "$JAVA_HOME/bin/jar" --extract --file "$SQLITE_JAR")
find "$W/sqlite/org/sqlite/native" -mindepth 1 -maxdepth 1 -type d ! -name Linux -exec rm -rf {} +
find "$W/sqlite/org/sqlite/native/Linux" -mindepth 1 -maxdepth 1 -type d ! -name x86_64 -exec rm -rf {} +
ls "$W/sqlite/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so" >/dev/null
rm "$SQLITE_JAR" && "$JAVA_HOME/bin/jar" --create --file "$SQLITE_JAR" --no-manifest -C "$W/sqlite" .
# jdeps over all jars finds these; listed here to save its 10 s. jdk.localedata: Chinese dates; jdk.charsets: GB18030.
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,\
jdk.unsupported,jdk.charsets,jdk.localedata,jdk.crypto.ec,jdk.zipfs,javafx.controls
"$JAVA_HOME/bin/jlink" --module-path "$W/fx" --add-modules "$MODULES" --include-locales=en,zh \
  --exclude-resources='**.so' --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output "$W/runtime"
JAR="$JAVA_HOME/bin/jar"
for jar in "$W"/fx/*.jar; do
  natives=$("$JAR" --list --file "$jar" | grep '\.so$' || true)   # javafx-base has none
  # shellcheck disable=SC2086 # one argument per library
  [ -z "$natives" ] || (cd "$W/runtime/lib" && "$JAR" --extract --file "$jar" $natives)
done
ls "$W/runtime/lib/libglassgtk3.so" >/dev/null

# --- 2. app image --------------------------------------------------------------------------------------------------
mkdir -p "$W/serial" "$W/app/native"
(cd "$W/serial" && "$JAR" --extract --file "$(ls "$W/app"/jSerialComm-*.jar)" Linux/x86_64/libjSerialComm.so)
mv "$W/serial/Linux/x86_64/libjSerialComm.so" "$W/app/native/"
# The same options for every launcher: an AOT cache only maps when the options it was trained with match.
JAVA_OPTIONS='-Dfile.encoding=UTF-8 --enable-native-access=ALL-UNNAMED,javafx.graphics'
JAVA_OPTIONS+=' -DjSerialComm.library.path=$APPDIR/native'     # no extraction into a (noexec) /tmp
JAVA_OPTIONS+=' -XX:AOTCache=$APPDIR/kiosk.aot -XX:AOTMode=auto'
JAVA_OPTIONS+=' -Xlog:disable -Xlog:all=warning:stderr'          # JVM warnings never mix into kioskctl output
printf 'main-class=org.bianmin.kiosk.cli.KioskCtl\n' > "$W/kioskctl.properties"
"$JAVA_HOME/bin/jpackage" --type app-image --name "$NAME" --app-version "$VERSION" --vendor "Bianmin Kiosk" \
  --input "$W/app" --main-jar "$(cd "$W/app" && ls kiosk-app*.jar)" --main-class org.bianmin.kiosk.app.KioskLauncher \
  --runtime-image "$W/runtime" --java-options "$JAVA_OPTIONS" \
  --add-launcher kioskctl="$W/kioskctl.properties" --dest "$W/image"
IMAGE=$W/image/$NAME

# --- 3. AOT cache from a training run --------------------------------------------------------------------------------
# The launcher's own class path and options (from its .cfg), headless, in production mode, until the first frame.
APPDIR=$IMAGE/lib/app
CLASSPATH=$(sed -n 's/^app.classpath=//p' "$APPDIR/$NAME.cfg" | sed "s|\$APPDIR|$APPDIR|g" | paste -sd:)
TRAIN_OPTIONS=$(printf '%s' "$JAVA_OPTIONS" | sed "s|\$APPDIR|$APPDIR|g; s|-XX:AOTCache=[^ ]*||; s|-XX:AOTMode=auto||")
# shellcheck disable=SC2086 # word splitting of the option list is intended
(cd "$W" && timeout 300 "$IMAGE/lib/runtime/bin/java" $TRAIN_OPTIONS -XX:AOTCacheOutput="$APPDIR/kiosk.aot" \
  -Dglass.platform=Headless -Dprism.order=sw -Duser.home="$W/train-home" -cp "$CLASSPATH" \
  org.bianmin.kiosk.app.KioskLauncher --exit-after-start --data-dir "$W/train-data" > "$W/training.log" 2>&1) \
  || { tail -40 "$W/training.log" >&2; echo "installer: AOT training run failed" >&2; exit 1; }
grep -q "first interactive frame" "$W/train-data/logs/kiosk.log" \
  || { echo "installer: the training run never showed its first frame" >&2; exit 1; }
ls -l "$APPDIR/kiosk.aot" >&2

# --- 4. the .deb -----------------------------------------------------------------------------------------------------
ROOT=$W/deb
L=$HERE/linux
mkdir -p "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/lib/systemd/system" "$ROOT/usr/share/$NAME" \
  "$ROOT/usr/share/doc/$NAME/examples" "$ROOT/DEBIAN"
cp -a "$IMAGE" "$ROOT/opt/$NAME"
install -m 0755 "$L/launcher.sh" "$ROOT/usr/bin/bianmin-kiosk"
install -m 0755 "$L/launcher.sh" "$ROOT/usr/bin/kioskctl"
install -m 0644 "$L/bianmin-kiosk.service" "$ROOT/lib/systemd/system/"
install -m 0644 "$L/x11-session.conf" "$L/xinitrc" "$ROOT/usr/share/$NAME/"
install -m 0644 "$L/99-bianmin-kiosk-devices.rules" "$ROOT/usr/share/doc/$NAME/examples/"
install -m 0644 "$HERE/../docs/install.md" "$ROOT/usr/share/doc/$NAME/"
install -m 0644 "$HERE/../LICENSE" "$ROOT/usr/share/doc/$NAME/copyright"
for script in postinst prerm postrm; do install -m 0755 "$L/$script" "$ROOT/DEBIAN/"; done
SIZE=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@SIZE@/$SIZE/" "$L/control" > "$ROOT/DEBIAN/control"
DEB=$OUT/${NAME}_${VERSION}_amd64.deb
# --root-owner-group: files owned by root without fakeroot; gzip: fast, and every dpkg reads it.
dpkg-deb --root-owner-group -Zgzip --build "$ROOT" "$DEB" >&2
echo "$DEB"
