#!/usr/bin/env bash
# Benchmark: `atomic dte apply` against `mvn rewrite:run` (OpenRewrite's Maven plugin) on the
# sources of commons-lang3 (a class rename, a method rename and a package move) and of Guava (a
# class rename in a 615-file library), $RUNS times each (default 3), in one run. Prints every
# run's wall time and peak memory (max RSS), the medians and their ratios, whether both produced
# the same tree, and how many files the DTE parsed. Not part of `verify`.
#
#   bench/dte-vs-rewrite.sh     # results also in $ATOMIC_BENCH_DIR/results.txt (default /tmp/atomic-bench)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# Outside the repository: OpenRewrite skips files under any target/ directory of a build.
WORK="${ATOMIC_BENCH_DIR:-${TMPDIR:-/tmp}/atomic-bench}"
VERSION="${COMMONS_LANG_VERSION:-3.20.0}"
REWRITE_PLUGIN="${REWRITE_PLUGIN_VERSION:-6.46.1}"
GUAVA="${GUAVA_VERSION:-33.4.8-jre}"
RUNS="${RUNS:-3}"
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

echo "Preparing Guava $GUAVA in $WORK …" >&2
rm -rf "$WORK/guava"
mkdir -p "$WORK/guava/src/main/java"
$MVN dependency:copy -Dartifact="com.google.guava:guava:$GUAVA:jar:sources" -DoutputDirectory="$WORK" >&2
(cd "$WORK/guava/src/main/java" && unzip -q -o "$WORK/guava-$GUAVA-sources.jar" '*.java')
dep() { printf '<dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></dependency>' "$1" "$2" "$3"; }
cat > "$WORK/guava/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>guava-tree</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    $(dep com.google.guava failureaccess 1.0.3)
    $(dep org.jspecify jspecify 1.0.0)
    $(dep com.google.errorprone error_prone_annotations 2.36.0)
    $(dep com.google.j2objc j2objc-annotations 3.0.0)
  </dependencies>
</project>
POM
guava_files=$(find "$WORK/guava/src/main/java" -name '*.java' | wc -l)
$MVN -f "$WORK/guava/pom.xml" dependency:resolve >/dev/null
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
---
type: specs.openrewrite.org/v1beta/recipe
name: bench.GuavaChangeType
recipeList:
  - org.openrewrite.java.ChangeType:
      oldFullyQualifiedTypeName: com.google.common.collect.ImmutableList
      newFullyQualifiedTypeName: com.google.common.collect.FrozenList
      ignoreDefinition: false
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
spec CS-4 "Type[fqn='com.google.common.collect.ImmutableList']" renameSymbol '{"newName": "FrozenList"}' > "$WORK/GuavaChangeType.json"

# Build the CLI and write the DTE's class-data archive once, outside the timings.
"$ROOT/atomic" dte --help >/dev/null

results="$WORK/results.txt"
{
  echo "commons-lang3 $VERSION: $files main source files; Guava $GUAVA: $guava_files; plain 'mvn compile' of commons-lang3: ${compile_s} s"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -n 1); $(date -u +%Y-%m-%d); $RUNS run(s) each"
  printf '%-17s %4s %10s %10s %12s %12s %8s %s\n' change run "dte s" "dte MiB" "rewrite s" "rewrite MiB" "same" "dte parse"
} | tee "$results"

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

for change in ChangeType ChangeMethodName ChangePackage GuavaChangeType; do
  base="$WORK/base"
  [ "$change" = GuavaChangeType ] && base="$WORK/guava"
  ds=(); dm=(); rs=(); rm_=()
  for run in $(seq 1 "$RUNS"); do
    dte="$WORK/runs/dte-$change-$run"
    rw="$WORK/runs/rewrite-$change-$run"
    rm -rf "$dte" "$rw"
    cp -r "$base" "$dte"
    cp -r "$base" "$rw"
    cp "$WORK/rewrite.yml" "$rw/rewrite.yml"

    $TIME -f "%e %M" -o "$WORK/time-dte" "$ROOT/atomic" dte apply --spec "$WORK/$change.json" \
      --working-dir "$dte" >"$WORK/dte-$change.out" 2>"$WORK/dte-$change.err"
    (cd "$rw" && $TIME -f "%e %M" -o "$WORK/time-rewrite" $MVN \
      "org.openrewrite.maven:rewrite-maven-plugin:$REWRITE_PLUGIN:run" -Drewrite.activeRecipes="bench.$change" -Drewrite.configLocation="$rw/rewrite.yml" \
      >"$WORK/rewrite-$change.out" 2>&1)
    rm -rf "$rw/target" "$rw/rewrite.yml"

    read -r dte_s dte_kb < <(tail -n 1 "$WORK/time-dte")
    read -r rw_s rw_kb < <(tail -n 1 "$WORK/time-rewrite")
    ds+=("$dte_s"); dm+=($((dte_kb / 1024))); rs+=("$rw_s"); rm_+=($((rw_kb / 1024)))
    differing=$(diff -rq "$dte" "$rw" | wc -l || true)
    same=$([ "$differing" -eq 0 ] && echo yes || echo "no($differing)")
    parse=$(grep -o 'parsed [0-9]* Java file(s) of [^,]*' "$WORK/dte-$change.err" | sed 's/ of [^ ]* / /' | head -n 1 || true)
    # The classpath comes from $ATOMIC_HOME/cache/classpaths once an earlier run resolved it.
    grep -q 'as resolved before' "$WORK/dte-$change.err" && parse="$parse; classpath cached"
    printf '%-17s %4s %10s %10d %12s %12d %8s %s\n' "$change" "$run" "$dte_s" $((dte_kb / 1024)) "$rw_s" $((rw_kb / 1024)) "$same" "$parse" | tee -a "$results"
  done
  d=$(median "${ds[@]}"); m=$(median "${dm[@]}"); r=$(median "${rs[@]}"); rmm=$(median "${rm_[@]}")
  awk -v c="$change" -v d="$d" -v m="$m" -v r="$r" -v rm="$rmm" \
    'BEGIN {printf "%-17s median: dte %s s, %s MiB; rewrite %s s, %s MiB; ratio %.2fx wall, %.2fx RSS\n", c, d, m, r, rm, d / r, m / rm}' | tee -a "$results"
done
