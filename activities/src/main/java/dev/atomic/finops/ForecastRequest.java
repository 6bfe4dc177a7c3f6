package dev.atomic.finops;

import dev.atomic.dte.ChangeSpec;

/**
 * What to forecast: a ChangeSpec, and optionally the model, and the tree its scope selects files
 * from.
 *
 * @param task picks the model by policy when {@code model} is not given
 * @param workingDir a directory under the allowed roots; or
 * @param repository a {@code file://} or {@code https://} URL to clone at {@code ref}
 */
public record ForecastRequest(
    ChangeSpec changeSpec,
    String provider,
    String model,
    String task,
    String workingDir,
    String repository,
    String ref) {}
