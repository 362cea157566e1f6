#!/usr/bin/env bash
# Writes packaging/cds-classes.txt: the JDK and JavaFX classes a start of the app loads (the window, the engine, the
# training screen and a tiny run: --smoke-test), which the installer profile archives into the app image's runtime
# (lib/runtime/lib/server/classes.jsa, the JVM's default CDS archive; docs/performance.md, "Start-up").
#
# Only classes of the runtime image's modules are kept: an archive holding class-path classes would be refused
# wherever the installed files lie elsewhere than in the build (Java 17 checks the class path's exact paths).
# Rerun after changing JavaFX, the JDK or the start-up's code; a class the list names and the runtime lacks is
# skipped, so a stale list costs speed, never a start.
#
# usage: packaging/make-cds-classlist.sh [app image, default target/jpackage/kd-playground]
# needs: xvfb-run, and jimage from the JDK that built the image
set -euo pipefail

cd "$(dirname "$0")/.."
image=${1:-target/jpackage/kd-playground}
out=packaging/cds-classes.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/settings" "$work/home"
HOME="$work/home" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/loaded.txt -Dkdplayground.settings.dir=$work/settings" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$image/bin/kd-playground" --smoke-test

jimage list "$image/lib/runtime/lib/modules" \
    | awk '/\.class$/ { sub(/^ +/, ""); sub(/\.class$/, ""); print }' | sort -u > "$work/modules.txt"

# class lines name the class first; @lambda-proxy lines name the class that made the lambda second; JFR's event
# classes are never archived; comments and other @ lines are dropped
awk -v modules="$work/modules.txt" '
    BEGIN { while ((getline line < modules) > 0) inRuntime[line] = 1 }
    /^#/ || NF == 0 { next }
    /^@lambda-form-invoker/ { print; next }
    /^@lambda-proxy/ { if ($2 in inRuntime) print; next }
    /^@/ { next }
    $1 ~ /^jdk\/internal\/event\// { next }
    $1 in inRuntime { print $1 }
' "$work/loaded.txt" > "$out"

echo "$(wc -l < "$out") lines in $out"
