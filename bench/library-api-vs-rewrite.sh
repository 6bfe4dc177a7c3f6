#!/usr/bin/env bash
# Benchmark: a library-API migration (Guava's Preconditions.checkNotNull to the JDK's
# Objects.requireNonNull) on gRPC's API and core modules (a two-module Maven reactor built from
# their Maven Central sources jars), by `atomic dte apply` and by `mvn rewrite:run` with the same
# rewrite-migrate-java recipes, in one run, 3 times each; prints every run, the medians (wall time,
# peak RSS), whether both produced the same tree, and the same for the DTE's own replaceAPI (with
# "staticImport", the recipes' form), whose tree is compared with the plugin's file by file
# (identical, whitespace only, or different in code). Not part of `verify`.
#
#   bench/library-api-vs-rewrite.sh   # results also in $ATOMIC_BENCH_DIR/results.txt (default /tmp/atomic-bench-guava)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# Outside the repository: OpenRewrite skips files under any target/ directory of a build.
WORK="${ATOMIC_BENCH_DIR:-${TMPDIR:-/tmp}/atomic-bench-guava}"
GRPC="${GRPC_VERSION:-1.76.0}"
REWRITE_PLUGIN="${REWRITE_PLUGIN_VERSION:-6.46.1}"
MIGRATE_JAVA="${REWRITE_MIGRATE_JAVA_VERSION:-3.42.1}"
RUNS="${RUNS:-3}"
MVN="$ROOT/mvnw -B -q"
TIME=/usr/bin/time
RECIPES='org.openrewrite.java.migrate.guava.NoGuavaRefasterRecipes$PreconditionsCheckNotNullToObjectsRequireNonNullRecipe,org.openrewrite.java.migrate.guava.NoGuavaRefasterRecipes$PreconditionsCheckNotNullWithMessageToObjectsRequireNonNullRecipe'

if [ ! -x "$TIME" ]; then
  echo "error: needs GNU time at /usr/bin/time (Debian package 'time')" >&2
  exit 1
fi

echo "Preparing gRPC $GRPC (api + core) in $WORK …" >&2
rm -rf "$WORK/base" "$WORK/runs"
mkdir -p "$WORK/base/api/src/main/java" "$WORK/base/core/src/main/java" "$WORK/runs"
for module in api core; do
  $MVN dependency:copy -Dartifact="io.grpc:grpc-$module:$GRPC:jar:sources" -DoutputDirectory="$WORK" >&2
  (cd "$WORK/base/$module/src/main/java" && unzip -q -o "$WORK/grpc-$module-$GRPC-sources.jar" '*.java')
done
managed() { printf '<dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></dependency>\n' "$1" "$2" "$3"; }
cat > "$WORK/base/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.grpc</groupId>
  <artifactId>grpc-parent</artifactId>
  <version>$GRPC</version>
  <packaging>pom</packaging>
  <modules><module>api</module><module>core</module></modules>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement><dependencies>
    $(managed com.google.guava guava 33.4.8-android)
    $(managed com.google.code.findbugs jsr305 3.0.2)
    $(managed com.google.errorprone error_prone_annotations 2.36.0)
  </dependencies></dependencyManagement>
</project>
POM
module_pom() { # artifactId extra-dependencies
  cat <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent><groupId>io.grpc</groupId><artifactId>grpc-parent</artifactId><version>$GRPC</version></parent>
  <artifactId>$1</artifactId>
  <dependencies>
    <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId></dependency>
    <dependency><groupId>com.google.code.findbugs</groupId><artifactId>jsr305</artifactId></dependency>
    <dependency><groupId>com.google.errorprone</groupId><artifactId>error_prone_annotations</artifactId></dependency>
    $2
  </dependencies>
</project>
POM
}
module_pom grpc-api "" > "$WORK/base/api/pom.xml"
module_pom grpc-core "$(managed io.grpc grpc-api '${project.version}')
    $(managed com.google.code.gson gson 2.11.0)
    $(managed com.google.android annotations 4.1.1.4)
    $(managed org.codehaus.mojo animal-sniffer-annotations 1.24)
    $(managed io.perfmark perfmark-api 0.27.0)" > "$WORK/base/core/pom.xml"
files=$(find "$WORK/base" -name '*.java' | wc -l)
# Resolve the dependencies into the local repository once, outside the timings.
$MVN -f "$WORK/base/pom.xml" dependency:resolve >/dev/null

spec() { # id patch
  printf '{"id": "%s", "intent": "Guava checkNotNull to the JDK", "scope": ["**/*.java"], "language": "java", "patches": [%s]}\n' "$1" "$2"
}
spec CS-1 '{"astOp": "recipe", "details": {"recipe": "org.openrewrite.java.migrate.guava.NoGuavaRefasterRecipes$PreconditionsCheckNotNullToObjectsRequireNonNullRecipe"}},
  {"astOp": "recipe", "details": {"recipe": "org.openrewrite.java.migrate.guava.NoGuavaRefasterRecipes$PreconditionsCheckNotNullWithMessageToObjectsRequireNonNullRecipe"}}' > "$WORK/recipe.json"
spec CS-2 '{"astOp": "replaceAPI", "selector": "MethodCall[type='"'"'com.google.common.base.Preconditions'"'"'][name='"'"'checkNotNull'"'"']",
  "details": {"newTarget": "java.util.Objects", "newProperty": "requireNonNull", "staticImport": true}}' > "$WORK/replaceAPI.json"

# Build the CLI and write the DTE's class-data archive once, outside the timings.
"$ROOT/atomic" dte --help >/dev/null

results="$WORK/results.txt"
{
  echo "gRPC $GRPC api + core: $files source files, 2 Maven modules; recipes from rewrite-migrate-java $MIGRATE_JAVA; rewrite-maven-plugin $REWRITE_PLUGIN"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -n 1); $(date -u +%Y-%m-%d)"
  printf '%-4s %-22s %8s %8s %8s %s\n' run tool "wall s" "RSS MiB" files same
} | tee "$results"

measure() { # name dir command...
  local name=$1 dir=$2
  shift 2
  $TIME -f "%e %M" -o "$WORK/time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || { echo "$name failed; see $WORK/$name.err" >&2; exit 1; }
  read -r s kb < <(tail -n 1 "$WORK/time")
  changed=$(diff -rq "$WORK/base" "$dir" | wc -l || true)
  echo "$s $((kb / 1024)) $changed"
}

# How a tree compares with the plugin's, file by file over the files either changed: identical,
# different only in whitespace and line breaks, or different in code (named).
compare() { # tree plugin-tree
  local same=0 spacing=0 code=0 names="" f
  while read -r f; do
    if cmp -s "$1/$f" "$2/$f"; then
      same=$((same + 1))
    elif [ -f "$1/$f" ] && [ -f "$2/$f" ] && [ "$(tr -d ' \t\n' <"$1/$f")" = "$(tr -d ' \t\n' <"$2/$f")" ]; then
      spacing=$((spacing + 1))
    else
      code=$((code + 1)); names="$names ${f##*/}"
    fi
  done < <( (cd "$WORK/base" && find . -name '*.java' | while read -r g; do
      cmp -s "$g" "$1/$g" && cmp -s "$g" "$2/$g" || echo "$g"; done) | sort)
  echo "$same identical, $spacing whitespace only, $code in code${names:+:$names}"
}

declare -a dte_s dte_m rw_s rw_m api_s api_m
for run in $(seq 1 "$RUNS"); do
  dte="$WORK/runs/dte-$run"; rw="$WORK/runs/rewrite-$run"; api="$WORK/runs/replaceapi-$run"
  rm -rf "$dte" "$rw" "$api"
  cp -r "$WORK/base" "$dte"; cp -r "$WORK/base" "$rw"; cp -r "$WORK/base" "$api"

  read -r s m c < <(measure "dte-$run" "$dte" "$ROOT/atomic" dte apply --spec "$WORK/recipe.json" --working-dir "$dte")
  dte_s+=("$s"); dte_m+=("$m"); dte_c=$c
  read -r s m c < <(cd "$rw" && measure "rewrite-$run" "$rw" $MVN "org.openrewrite.maven:rewrite-maven-plugin:$REWRITE_PLUGIN:run" \
    -Drewrite.recipeArtifactCoordinates="org.openrewrite.recipe:rewrite-migrate-java:$MIGRATE_JAVA" \
    -Drewrite.activeRecipes="$RECIPES")
  find "$rw" -name target -type d -prune -exec rm -rf {} +
  rw_s+=("$s"); rw_m+=("$m"); rw_c=$(diff -rq "$WORK/base" "$rw" | wc -l || true)
  read -r s m c < <(measure "replaceapi-$run" "$api" "$ROOT/atomic" dte apply --spec "$WORK/replaceAPI.json" --working-dir "$api")
  api_s+=("$s"); api_m+=("$m"); api_c=$c

  api_vs_rw=$(compare "$api" "$rw")
  differing=$(diff -rq "$dte" "$rw" | wc -l || true)
  same=$([ "$differing" -eq 0 ] && echo yes || echo "no($differing)")
  printf '%-4s %-22s %8s %8s %8s %s\n' "$run" "atomic dte (recipe)" "${dte_s[-1]}" "${dte_m[-1]}" "$dte_c" "$same" | tee -a "$results"
  printf '%-4s %-22s %8s %8s %8s %s\n' "$run" "mvn rewrite:run" "${rw_s[-1]}" "${rw_m[-1]}" "$rw_c" "" | tee -a "$results"
  printf '%-4s %-22s %8s %8s %8s %s\n' "$run" "atomic dte (replaceAPI)" "${api_s[-1]}" "${api_m[-1]}" "$api_c" "$api_vs_rw" | tee -a "$results"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
d=$(median "${dte_s[@]}"); r=$(median "${rw_s[@]}"); a=$(median "${api_s[@]}")
dm=$(median "${dte_m[@]}"); rm_=$(median "${rw_m[@]}"); am=$(median "${api_m[@]}")
{
  echo "median of $RUNS: atomic dte (recipe) $d s, $dm MiB; mvn rewrite:run $r s, $rm_ MiB; atomic dte (replaceAPI) $a s, $am MiB"
  awk -v d="$d" -v r="$r" -v dm="$dm" -v rm="$rm_" -v a="$a" -v am="$am" \
    'BEGIN {printf "ratios to mvn rewrite:run: recipe %.2fx wall, %.2fx RSS; replaceAPI %.2fx wall, %.2fx RSS\n", d / r, dm / rm, a / r, am / rm}'
  grep -h 'replaceAPI:' "$WORK/replaceapi-1.err" | sed 's/^ */replaceAPI run 1: /' || true
} | tee -a "$results"
