#!/usr/bin/env bash
# Prints the home of a JDK >= 21, or explains on stderr that there is none and exits 1.
# Looks at $JAVA_HOME, then `java` on the PATH, then the usual install folders, newest first.
# Source-free on purpose: used by ./switchboard and .ci/run alike.
set -u

java_major() { # JAVA_EXECUTABLE -> major version number, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

has_javac() { [ -x "$1/bin/javac" ]; }

candidates() {
  [ -n "${JAVA_HOME:-}" ] && echo "$JAVA_HOME"
  if command -v java >/dev/null 2>&1; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
  fi
  for root in /usr/lib/jvm /usr/java /opt/java /opt /Library/Java/JavaVirtualMachines; do
    [ -d "$root" ] || continue
    for home in "$root"/*; do
      [ -x "$home/bin/java" ] && echo "$home"
      [ -x "$home/Contents/Home/bin/java" ] && echo "$home/Contents/Home"
    done
  done
}

best="" best_major=0
while IFS= read -r home; do
  [ -x "$home/bin/java" ] || continue
  has_javac "$home" || continue
  major=$(java_major "$home/bin/java")
  [ -n "$major" ] || continue
  if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$home; best_major=$major; fi
done < <(candidates | awk '!seen[$0]++')

if [ -z "$best" ]; then
  {
    echo "switchboard: no JDK 21 or newer was found."
    echo "  Looked at \$JAVA_HOME, the java on your PATH, and /usr/lib/jvm, /usr/java, /opt."
    echo "  Install one (for example: apt-get install openjdk-21-jdk, or a Temurin 21/25 build)"
    echo "  and either put it first on your PATH or set JAVA_HOME to its folder."
  } >&2
  exit 1
fi
echo "$best"
