package dev.atomic.dte.verify;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.java.classpath.MavenClasspaths;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * How verify runs, from the documented variables.
 *
 * @param runTests false for an invariants-only check ({@code atomic dte verify --no-tests})
 * @param timeout the deadline of the test run, and separately of the mutation run ({@code
 *     TEST_TIMEOUT_MS}, default 300000)
 * @param mutationTesting {@code ENABLE_MUTATION_TESTING} (default true); high risk ignores false
 * @param mediumThreshold the threshold of a medium-risk spec that sets none ({@code
 *     MUTATION_THRESHOLD_DEFAULT}, default 0.6)
 * @param threads PIT's minion threads
 * @param tools the tool jars (JUnit, PIT) handed to the project's tests and mutation runs
 * @param classpaths where the typecheck invariant gets a Maven tree's classpath
 */
public record VerificationSettings(
    boolean runTests,
    Duration timeout,
    boolean mutationTesting,
    double mediumThreshold,
    int threads,
    ToolJars tools,
    MavenClasspaths classpaths) {

  public static final double LOW_THRESHOLD = 0.4;
  public static final double HIGH_THRESHOLD = 0.8;

  public VerificationSettings {
    if (mediumThreshold < 0 || mediumThreshold > 1) {
      throw new IllegalArgumentException(
          "MUTATION_THRESHOLD_DEFAULT must be between 0 and 1, not " + mediumThreshold);
    }
  }

  public static VerificationSettings fromEnvironment() {
    return from(System.getenv());
  }

  static VerificationSettings from(Map<String, String> env) {
    return from(env::get);
  }

  /**
   * The settings named by {@code variables} ({@code TEST_TIMEOUT_MS}, {@code
   * ENABLE_MUTATION_TESTING}, {@code MUTATION_THRESHOLD_DEFAULT}); an unset or blank one takes its
   * default. A worker passes its Spring environment, so a {@code .env} file counts as well.
   */
  public static VerificationSettings from(Function<String, String> variables) {
    long timeoutMs = Long.parseLong(valueOr(variables.apply("TEST_TIMEOUT_MS"), "300000"));
    boolean mutation =
        !"false".equalsIgnoreCase(valueOr(variables.apply("ENABLE_MUTATION_TESTING"), "true"));
    double medium =
        Double.parseDouble(valueOr(variables.apply("MUTATION_THRESHOLD_DEFAULT"), "0.6"));
    return new VerificationSettings(
        true,
        Duration.ofMillis(timeoutMs),
        mutation,
        medium,
        MutationTesting.defaultThreads(),
        new ToolJars(),
        new MavenClasspaths(MavenClasspaths.Settings.from(variables)));
  }

  private static String valueOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  public VerificationSettings withoutTests() {
    return new VerificationSettings(
        false, timeout, mutationTesting, mediumThreshold, threads, tools, classpaths);
  }

  public VerificationSettings withTimeout(Duration newTimeout) {
    return new VerificationSettings(
        runTests, newTimeout, mutationTesting, mediumThreshold, threads, tools, classpaths);
  }

  public VerificationSettings withMutationTesting(boolean enabled) {
    return new VerificationSettings(
        runTests, timeout, enabled, mediumThreshold, threads, tools, classpaths);
  }

  /** The same settings resolving Maven classpaths with {@code value} (and its cache). */
  public VerificationSettings withClasspaths(MavenClasspaths value) {
    return new VerificationSettings(
        runTests, timeout, mutationTesting, mediumThreshold, threads, tools, value);
  }

  /** The same settings sharing {@code value}'s extracted jars. */
  public VerificationSettings withTools(ToolJars value) {
    return new VerificationSettings(
        runTests, timeout, mutationTesting, mediumThreshold, threads, value, classpaths);
  }

  /** The spec's threshold, never below the high-risk floor; else the risk's default. */
  Threshold thresholdFor(ChangeSpec spec) {
    String risk = spec.risk() == null ? "medium" : spec.risk();
    Double asked = spec.tests() == null ? null : spec.tests().mutationThreshold();
    if (asked != null) {
      return risk.equals("high") && asked < HIGH_THRESHOLD
          ? new Threshold(HIGH_THRESHOLD, "risk high (the spec's " + asked + " is below its floor)")
          : new Threshold(asked, "spec");
    }
    return switch (risk) {
      case "low" -> new Threshold(LOW_THRESHOLD, "risk low");
      case "high" -> new Threshold(HIGH_THRESHOLD, "risk high");
      default -> new Threshold(mediumThreshold, "risk medium");
    };
  }

  record Threshold(double value, String source) {}
}
