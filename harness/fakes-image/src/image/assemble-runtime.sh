#!/usr/bin/env bash
# Builds the image's root file system without a base image: a Java runtime jlinked from the build's JDK with the
# modules the fakes' class path needs, and the C libraries that runtime links against, copied from this machine
# (ldd says which), so the image runs on any x86_64 Linux container runtime with nothing from a registry.
# Usage: assemble-runtime.sh JAVA_HOME ROOT_DIR CLASS_PATH
set -euo pipefail
java_home=$1
root=$2
class_path=$3

if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
  echo "fakes-image: the image is linux/amd64 and its C libraries come from the build machine; build it on x86_64 Linux (this is $(uname -s) $(uname -m))" >&2
  exit 1
fi
for tool in jlink jdeps; do
  if [ ! -x "$java_home/bin/$tool" ]; then
    echo "fakes-image: $java_home/bin/$tool is missing; the image's Java runtime is jlinked from the build's JDK, so build with a full JDK 21+ (not a JRE)" >&2
    exit 1
  fi
done

rm -rf "$root"
mkdir -p "$root/opt" "$root/tmp"

# The modules the class path refers to; jdeps reads every jar, so a new dependency brings its modules along.
jars=()
IFS=: read -ra entries <<< "$class_path"
for entry in "${entries[@]}"; do
  if [[ "$entry" == *.jar && -f "$entry" ]]; then
    jars+=("$entry")
  fi
done
if [ ${#jars[@]} -eq 0 ]; then
  echo "fakes-image: no jar on the class path given ($class_path)" >&2
  exit 1
fi
modules=$("$java_home/bin/jdeps" --ignore-missing-deps --multi-release 21 --print-module-deps "${jars[@]}")
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress zip-6 --output "$root/opt/java"

# Every shared object the runtime loads, and the dynamic loader named in bin/java, at the paths they have here.
copy() {
  mkdir -p "$root$(dirname "$1")"
  cp -L "$1" "$root$1"
}
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u \
  | while read -r library; do
      case "$library" in
        "$root"/*) ;;
        *) copy "$library" ;;
      esac
    done
if [ ! -e "$root/lib64/ld-linux-x86-64.so.2" ]; then
  echo "fakes-image: ldd did not name the dynamic loader /lib64/ld-linux-x86-64.so.2; is this a glibc system?" >&2
  exit 1
fi
# The image runs as this user (no root); a passwd entry gives the JVM a user name and home.
mkdir -p "$root/etc"
echo 'root:x:0:0:root:/root:/sbin/nologin' > "$root/etc/passwd"
echo 'brownout:x:65532:65532:brownout:/tmp:/sbin/nologin' >> "$root/etc/passwd"
printf 'root:x:0:\nbrownout:x:65532:\n' > "$root/etc/group"
echo "fakes-image: runtime with $modules, $(find "$root" -type f | wc -l) files, $(du -sh "$root" | cut -f1)"
