package dev.atomic.api.mission;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /missions}. With a {@code repository} the mission is governed: the platform
 * plans, applies, verifies and reverts the {@code changeSpec} on it.
 *
 * @param risk {@code low}, {@code medium} (default) or {@code high}
 * @param requestedBy who asks; {@code actor} is accepted as a synonym
 * @param repository {@code {url, ref?}} of the repository to change
 * @param changeSpec the ChangeSpec, inline
 * @param batchSize target files per batch (default 50)
 * @param budgetUsd sets the budget {@code mission:<id>}
 * @param approvalTimeout how long a checkpoint may wait, e.g. {@code PT30M}, {@code 30m}, {@code
 *     2h}
 */
record CreateMissionBody(
    String title,
    String risk,
    String requestedBy,
    String actor,
    RepositoryBody repository,
    JsonNode changeSpec,
    Integer batchSize,
    BigDecimal budgetUsd,
    String approvalTimeout) {

  /** The repository of a governed mission. */
  record RepositoryBody(String url, String ref) {}
}
