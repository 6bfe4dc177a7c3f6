package dev.atomic.finops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.atomic.platform.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Model policies: the shipped defaults ({@link #DEFAULTS_RESOURCE}) and the ones stored in {@code
 * model_policies}, which replace the default of their task. Every field is checked against the
 * price table before anything is stored.
 */
public final class ModelPolicies implements ModelCatalog {

  public static final String DEFAULTS_RESOURCE = "finops/model-policies.yaml";

  static final Pattern TASK = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
  static final int MAX_PRIORITY = 1000;

  private final Database database;
  private final PriceTable prices;
  private final Clock clock;
  private final Map<String, ModelPolicy> defaults;

  public ModelPolicies(Database database, PriceTable prices, Clock clock) {
    this.database = database;
    this.prices = prices;
    this.clock = clock;
    this.defaults = loadDefaults(prices);
  }

  @Override
  public List<ModelPolicy> policies() {
    Map<String, ModelPolicy> effective = new LinkedHashMap<>(defaults);
    for (ModelPolicy stored : sql(() -> database.read(ModelPolicies::stored))) {
      effective.put(stored.task(), stored);
    }
    List<ModelPolicy> sorted = new ArrayList<>(effective.values());
    sorted.sort(Comparator.comparingInt(ModelPolicy::priority).thenComparing(ModelPolicy::task));
    return sorted;
  }

  @Override
  public Optional<ModelPolicy> policy(String task) {
    Optional<ModelPolicy> stored = sql(() -> database.read(c -> find(c, task)));
    return stored.isPresent() ? stored : Optional.ofNullable(defaults.get(task));
  }

  @Override
  public ModelPrice price(String provider, String model) {
    return prices.price(provider, model);
  }

  @Override
  public String defaultModel(String provider) {
    return prices.defaultModel(provider);
  }

  @Override
  public List<String> providersOf(String model) {
    return prices.providersOf(model);
  }

  @Override
  public List<ModelPrice> models() {
    return prices.models();
  }

  @Override
  public List<String> providers() {
    return prices.providers();
  }

  @Override
  public String pricesAsOf() {
    return prices.asOf();
  }

  /**
   * Stores a policy, replacing the stored policy of the same task.
   *
   * @param provider may be null when exactly one provider, or the default one, offers the model
   * @throws FinOpsException INVALID listing every field that is wrong
   */
  public ModelPolicy put(
      String task,
      String provider,
      String model,
      BigDecimal budgetCeiling,
      Integer priority,
      String defaultProvider) {
    ModelPolicy policy = validate(task, provider, model, budgetCeiling, priority, defaultProvider);
    sql(
        () ->
            database.inTransaction(
                c -> {
                  try (PreparedStatement delete =
                      c.prepareStatement("DELETE FROM model_policies WHERE task = ?")) {
                    delete.setString(1, policy.task());
                    delete.executeUpdate();
                  }
                  try (PreparedStatement insert =
                      c.prepareStatement(
                          "INSERT INTO model_policies (task, provider, model, budget_ceiling, priority, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, policy.task());
                    insert.setString(2, policy.provider());
                    insert.setString(3, policy.model());
                    insert.setBigDecimal(4, Money.usd(policy.budgetCeiling()));
                    insert.setInt(5, policy.priority());
                    insert.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    insert.executeUpdate();
                  }
                  return null;
                }));
    return policy;
  }

  /**
   * Removes the stored policy of a task; the shipped default, if any, applies again.
   *
   * @return the policy now in force for the task, if any
   * @throws FinOpsException NOT_FOUND when no policy of that task is stored
   */
  public Optional<ModelPolicy> delete(String task) {
    int deleted =
        sql(
            () ->
                database.inTransaction(
                    c -> {
                      try (PreparedStatement delete =
                          c.prepareStatement("DELETE FROM model_policies WHERE task = ?")) {
                        delete.setString(1, task);
                        return delete.executeUpdate();
                      }
                    }));
    if (deleted == 0) {
      throw FinOpsException.notFound(
          "no stored policy for task '"
              + task
              + "'"
              + (defaults.containsKey(task) ? " (its shipped default cannot be deleted)" : ""));
    }
    return Optional.ofNullable(defaults.get(task));
  }

  ModelPolicy validate(
      String task,
      String provider,
      String model,
      BigDecimal budgetCeiling,
      Integer priority,
      String defaultProvider) {
    List<String> problems = new ArrayList<>();
    if (task == null || !TASK.matcher(task).matches()) {
      problems.add(
          "'task' is required: lower-case letters, digits, '-' and '_', starting with a letter, at most 64, got '"
              + task
              + "'");
    }
    String chosenProvider = provider;
    boolean knownProvider = provider == null || prices.providers().contains(provider);
    if (!knownProvider) {
      problems.add("unknown provider '" + provider + "'; known providers: " + prices.providers());
    }
    if (model == null || model.isBlank()) {
      problems.add("'model' is required; known models: " + knownModels());
    } else if (provider != null && knownProvider) {
      if (prices.find(provider, model).isEmpty()) {
        problems.add(
            "unknown model '"
                + model
                + "' for provider '"
                + provider
                + "'; known models of "
                + provider
                + ": "
                + prices.modelsOf(provider));
      }
    } else {
      List<String> offering = prices.providersOf(model);
      if (offering.isEmpty()) {
        problems.add("unknown model '" + model + "'; known models: " + knownModels());
      } else if (provider == null) {
        chosenProvider = offering.contains(defaultProvider) ? defaultProvider : offering.get(0);
      }
    }
    if (budgetCeiling == null) {
      problems.add("'budgetCeiling' is required: USD, more than 0");
    } else if (budgetCeiling.signum() <= 0 || budgetCeiling.compareTo(Money.MAX) > 0) {
      problems.add(
          "'budgetCeiling' must be more than 0 and at most "
              + Money.MAX.toPlainString()
              + ", got "
              + budgetCeiling.toPlainString());
    }
    if (priority == null) {
      problems.add("'priority' is required: a whole number from 0 to " + MAX_PRIORITY);
    } else if (priority < 0 || priority > MAX_PRIORITY) {
      problems.add("'priority' must be from 0 to " + MAX_PRIORITY + ", got " + priority);
    }
    if (!problems.isEmpty()) {
      throw new FinOpsException(FinOpsException.Kind.INVALID, problems);
    }
    return new ModelPolicy(
        task, chosenProvider, model.strip(), budgetCeiling, priority, ModelPolicy.STORED);
  }

  private List<String> knownModels() {
    return prices.models().stream().map(ModelPrice::model).distinct().toList();
  }

  private static List<ModelPolicy> stored(Connection connection) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT task, provider, model, budget_ceiling, priority FROM model_policies ORDER BY task")) {
      try (ResultSet rows = query.executeQuery()) {
        List<ModelPolicy> policies = new ArrayList<>();
        while (rows.next()) {
          policies.add(row(rows));
        }
        return policies;
      }
    }
  }

  private static Optional<ModelPolicy> find(Connection connection, String task)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT task, provider, model, budget_ceiling, priority FROM model_policies WHERE task = ?")) {
      query.setString(1, task);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(row(rows)) : Optional.empty();
      }
    }
  }

  private static ModelPolicy row(ResultSet rows) throws SQLException {
    return new ModelPolicy(
        rows.getString(1),
        rows.getString(2),
        rows.getString(3),
        rows.getBigDecimal(4),
        rows.getInt(5),
        ModelPolicy.STORED);
  }

  private static Map<String, ModelPolicy> loadDefaults(PriceTable prices) {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    JsonNode root;
    try (InputStream in =
        ModelPolicies.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
      }
      root = yaml.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, ModelPolicy> policies = new LinkedHashMap<>();
    for (JsonNode node : root.path("policies")) {
      String provider = node.path("provider").asText();
      String model = node.path("model").asText();
      if (prices.find(provider, model).isEmpty()) {
        throw new IllegalStateException(
            DEFAULTS_RESOURCE + ": no price for " + provider + "/" + model);
      }
      ModelPolicy policy =
          new ModelPolicy(
              node.path("task").asText(),
              provider,
              model,
              node.path("budgetCeiling").decimalValue(),
              node.path("priority").asInt(),
              ModelPolicy.DEFAULT);
      policies.put(policy.task(), policy);
    }
    return Map.copyOf(policies);
  }

  private static <T> T sql(StoreUnavailableException.Call<T> call) {
    return StoreUnavailableException.call("model policy", call);
  }
}
