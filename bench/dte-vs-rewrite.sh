#!/usr/bin/env bash
# Benchmark: `atomic dte apply` against `mvn rewrite:run` (OpenRewrite's Maven plugin) on the
# sources of commons-lang3, for a class rename, a method rename and a package move. Prints wall
# time, peak memory (max RSS) and whether both produced the same tree. Not part of `verify`.
#
#   bench/dte-vs-rewrite.sh     # results also in $ATOMIC_BENCH_DIR/results.txt (default /tmp/atomic-bench)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# Outside the repository: OpenRewrite skips files under any target/ directory of a build.
WORK="${ATOMIC_BENCH_DIR:-${TMPDIR:-/tmp}/atomic-bench}"
VERSION="${COMMONS_LANG_VERSION:-3.20.0}"
REWRITE_PLUGIN="${REWRITE_PLUGIN_VERSION:-6.46.1}"
MVN="$ROOT/mvnw -B -q"
TIME=/usr/bin/time

if [ ! -x "$TIME" ]; then
  echo "error: needs GNU time at /usr/bin/time (Debian package 'time')" >&2
  exit 1
fi

echo "Preparing commons-lang3 $VERSION in $WORK …" >&2
rm -rf "$WORK/base" "$WORK/runs"
mkdir -p "$WORK/base/src/main/java" "$WORK/runs"
$MVN dependency:copy -Dartifact="org.apache.commons:commons-lang3:$VERSION:jar:sources" -DoutputDirectory="$WORK" >&2
(cd "$WORK/base/src/main/java" && unzip -q -o "$WORK/commons-lang3-$VERSION-sources.jar" -x 'META-INF/*')
cat > "$WORK/base/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>commons-lang3-tree</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
</project>
POM
files=$(find "$WORK/base/src/main/java" -name '*.java' | wc -l)
$TIME -f "%e" -o "$WORK/time-compile" $MVN -f "$WORK/base/pom.xml" compile >/dev/null 2>&1 || true
compile_s=$(tail -n 1 "$WORK/time-compile")
rm -rf "$WORK/base/target"

cat > "$WORK/rewrite.yml" <<'YML'
type: specs.openrewrite.org/v1beta/recipe
name: bench.ChangeType
recipeList:
  - org.openrewrite.java.ChangeType:
      oldFullyQualifiedTypeName: org.apache.commons.lang3.Validate
      newFullyQualifiedTypeName: org.apache.commons.lang3.Checks
      ignoreDefinition: false
---
type: specs.openrewrite.org/v1beta/recipe
name: bench.ChangeMethodName
recipeList:
  - org.openrewrite.java.ChangeMethodName:
      methodPattern: org.apache.commons.lang3.StringUtils isBlank(..)
      newMethodName: isBlankText
      matchOverrides: true
      ignoreDefinition: false
---
type: specs.openrewrite.org/v1beta/recipe
name: bench.ChangePackage
recipeList:
  - org.openrewrite.java.ChangePackage:
      oldPackageName: org.apache.commons.lang3.tuple
      newPackageName: org.apache.commons.lang3.pair
      recursive: true
YML

spec() { # id selector-or-null op details
  cat <<JSON
{"id": "$1", "intent": "benchmark", "scope": ["src/main/java/**/*.java"], "language": "java",
 "patches": [{"astOp": "$3" $( [ "$2" = "-" ] || printf ', "selector": "%s"' "$2" ), "details": $4}]}
JSON
}
spec CS-1 "Type[fqn='org.apache.commons.lang3.Validate']" renameSymbol '{"newName": "Checks"}' > "$WORK/ChangeType.json"
spec CS-2 "Method[type='org.apache.commons.lang3.StringUtils'][name='isBlank']" renameSymbol '{"newName": "isBlankText"}' > "$WORK/ChangeMethodName.json"
spec CS-3 - moveModule '{"from": "org.apache.commons.lang3.tuple", "to": "org.apache.commons.lang3.pair"}' > "$WORK/ChangePackage.json"

# Build the CLI once, outside the timings.
"$ROOT/atomic" --version >/dev/null

results="$WORK/results.txt"
{
  echo "commons-lang3 $VERSION: $files main source files; plain 'mvn compile': ${compile_s} s"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -n 1); $(date -u +%Y-%m-%d)"
  printf '%-17s %10s %10s %12s %12s %8s %s\n' change "dte s" "dte MiB" "rewrite s" "rewrite MiB" "same" "dte parse"
} | tee "$results"

for change in ChangeType ChangeMethodName ChangePackage; do
  dte="$WORK/runs/dte-$change"
  rw="$WORK/runs/rewrite-$change"
  cp -r "$WORK/base" "$dte"
  cp -r "$WORK/base" "$rw"
  cp "$WORK/rewrite.yml" "$rw/rewrite.yml"

  $TIME -f "%e %M" -o "$WORK/time-dte" "$ROOT/atomic" dte apply --spec "$WORK/$change.json" \
    --working-dir "$dte" >"$WORK/dte-$change.out" 2>"$WORK/dte-$change.err"
  (cd "$rw" && $TIME -f "%e %M" -o "$WORK/time-rewrite" $MVN \
    "org.openrewrite.maven:rewrite-maven-plugin:$REWRITE_PLUGIN:run" -Drewrite.activeRecipes="bench.$change" -Drewrite.configLocation="$rw/rewrite.yml" \
    >"$WORK/rewrite-$change.out" 2>&1)
  rm -rf "$rw/target" "$rw/rewrite.yml"

  read -r dte_s dte_kb < <(tail -n 1 "$WORK/time-dte")
  read -r rw_s rw_kb < <(tail -n 1 "$WORK/time-rewrite")
  differing=$(diff -rq "$dte" "$rw" | wc -l || true)
  same=$([ "$differing" -eq 0 ] && echo yes || echo "no($differing)")
  parse=$(grep -o 'parsed [0-9]* Java file(s)[^;]* in [0-9.]* s ([0-9]* files/s)' "$WORK/dte-$change.err" | head -n 1 || true)
  printf '%-17s %10s %10d %12s %12d %8s %s\n' "$change" "$dte_s" $((dte_kb / 1024)) "$rw_s" $((rw_kb / 1024)) "$same" "$parse" | tee -a "$results"
done
