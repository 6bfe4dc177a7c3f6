#!/usr/bin/env bash
# Benchmark: wall time of `atomic dte verify` (invariants, the project's tests, PIT on the changed
# classes) on the demo repository after CS-001, and on a generated 200-class project (plain tree
# and the same tree as a Maven project) after a spec that changes every class. Prints wall time
# and peak memory (max RSS) of each run and the mutation figures. Not part of `verify`.
#
#   bench/verify-time.sh      # work dir: $ATOMIC_BENCH_DIR (default /tmp/atomic-bench-verify)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${ATOMIC_BENCH_DIR:-${TMPDIR:-/tmp}/atomic-bench-verify}"
RUNS="${RUNS:-3}"
CLASSES="${CLASSES:-200}"
TIME=/usr/bin/time
ATOMIC="$ROOT/atomic"

if [ ! -x "$TIME" ]; then
  echo "error: needs GNU time at /usr/bin/time (Debian package 'time')" >&2
  exit 1
fi
rm -rf "$WORK" && mkdir -p "$WORK"

# A project of $CLASSES classes, each with branching logic and a JUnit 5 test, all calling
# Limits.clamp; the spec renames clamp, so every class is changed and mutated.
generate() {
  local dir="$1"
  mkdir -p "$dir/src/main/java/gen" "$dir/src/test/java/gen"
  cat > "$dir/src/main/java/gen/Limits.java" <<'JAVA'
package gen;

public final class Limits {
  private Limits() {}

  public static int clamp(int value, int low, int high) {
    if (value < low) {
      return low;
    }
    return value > high ? high : value;
  }
}
JAVA
  for i in $(seq -f "%03g" 0 $((CLASSES - 1))); do
    cat > "$dir/src/main/java/gen/Rule$i.java" <<JAVA
package gen;

/** Generated rule $i. */
public final class Rule$i {
  private final int weight;

  public Rule$i(int weight) {
    this.weight = weight;
  }

  public int score(int input) {
    int raw = input * weight + $((10#$i % 7));
    if (raw % 2 == 0) {
      raw = raw / 2;
    } else {
      raw = raw - 1;
    }
    return Limits.clamp(raw, 0, 1000);
  }

  public boolean accepts(int input) {
    return score(input) >= $((10#$i % 50));
  }
}
JAVA
    cat > "$dir/src/test/java/gen/Rule${i}Test.java" <<JAVA
package gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Rule${i}Test {
  @Test
  void scoresWithinLimits() {
    Rule$i rule = new Rule$i(3);
    int expected = Math.max(0, Math.min(1000, ((4 * 3 + $((10#$i % 7))) % 2 == 0) ? (4 * 3 + $((10#$i % 7))) / 2 : (4 * 3 + $((10#$i % 7))) - 1));
    assertEquals(expected, rule.score(4));
    assertEquals(1000, rule.score(100000));
    assertEquals(0, rule.score(-100000));
  }

  @Test
  void acceptsLargeInputs() {
    assertTrue(new Rule$i(5).accepts(1000));
  }
}
JAVA
  done
}

cat > "$WORK/CS-900.json" <<'JSON'
{
  "id": "CS-900",
  "intent": "Rename Limits.clamp to Limits.bound",
  "scope": ["src/**/*.java"],
  "language": "java",
  "patches": [{"astOp": "renameSymbol", "selector": "Method[type='gen.Limits'][name='clamp']",
               "details": {"newName": "bound"}}],
  "invariants": [{"name": "Compiles", "type": "typecheck"},
                 {"name": "NoClampLeft", "type": "regex", "spec": "Limits\\.clamp\\("}],
  "tests": {"strategy": "augment", "mutationThreshold": 0.5},
  "risk": "medium"
}
JSON

echo "Preparing trees in $WORK …" >&2
cp -r "$ROOT/examples/demo-repo" "$WORK/demo"
"$ATOMIC" dte apply --spec "$ROOT/examples/specs/CS-001.json" --working-dir "$WORK/demo" >/dev/null
generate "$WORK/plain"
"$ATOMIC" dte apply --spec "$WORK/CS-900.json" --working-dir "$WORK/plain" >/dev/null
cp -r "$WORK/plain" "$WORK/maven"
cat > "$WORK/maven/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>rules</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>5.13.4</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
    </plugins>
  </build>
</project>
POM

measure() {
  local name="$1" spec="$2" dir="$3"
  for run in $(seq 1 "$RUNS"); do
    $TIME -f "%e %M" -o "$WORK/time" "$ATOMIC" dte verify --spec "$spec" --working-dir "$dir" \
      --report "$WORK/report-$name.json" > "$WORK/out-$name.txt" 2>/dev/null
    read -r seconds kib < "$WORK/time"
    printf '%-22s run %d: %6.2f s  %5d MiB  %s\n' "$name" "$run" "$seconds" $((kib / 1024)) \
      "$(grep -m1 '^mutants' "$WORK/out-$name.txt")"
  done
}

{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u +%F)"
  measure demo-CS-001 "$ROOT/examples/specs/CS-001.json" "$WORK/demo"
  measure "plain-$CLASSES-classes" "$WORK/CS-900.json" "$WORK/plain"
  measure "maven-$CLASSES-classes" "$WORK/CS-900.json" "$WORK/maven"
} | tee "$WORK/results.txt"
