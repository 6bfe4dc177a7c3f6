package dev.atomic.finops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Model prices: the dated table shipped at {@link #RESOURCE}, with the entries of an optional
 * override file replacing or adding to it. A model missing from the table is refused (fail closed)
 * unless the table sets a pessimistic {@code unknownModel} price.
 */
public final class PriceTable {

  public static final String RESOURCE = "finops/prices-2025-06-01.yaml";

  /** The providers the original system knew; a price table may not add others. */
  public static final List<String> PROVIDERS =
      List.of("copilot", "cursor", "windsurf", "openai", "anthropic");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final String asOf;
  private final Map<String, ModelPrice> prices;
  private final Map<String, String> defaultModels;
  private final ModelPrice unknownModel;

  private PriceTable(
      String asOf,
      Map<String, ModelPrice> prices,
      Map<String, String> defaultModels,
      ModelPrice unknownModel) {
    this.asOf = asOf;
    this.prices = prices;
    this.defaultModels = defaultModels;
    this.unknownModel = unknownModel;
  }

  /** The shipped table. */
  public static PriceTable shipped() {
    return load(null);
  }

  /**
   * The shipped table with {@code overrideFile}'s entries on top (null: none).
   *
   * @throws IllegalArgumentException naming the file and entry that is wrong
   */
  public static PriceTable load(Path overrideFile) {
    JsonNode shipped;
    try (InputStream in = PriceTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "price table " + RESOURCE + " is missing from the classpath");
      }
      shipped = YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Builder builder = new Builder();
    builder.add(shipped, RESOURCE);
    if (overrideFile != null) {
      try {
        builder.add(YAML.readTree(Files.readString(overrideFile)), overrideFile.toString());
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read price override " + overrideFile + ": " + e.getMessage(), e);
      }
    }
    return builder.build();
  }

  /** Date of the list prices, as the table states it. */
  public String asOf() {
    return asOf;
  }

  /** Every priced model, providers in the table's order. */
  public List<ModelPrice> models() {
    return List.copyOf(prices.values());
  }

  public List<String> providers() {
    return PROVIDERS;
  }

  /** The model a provider uses when a request names none. */
  public String defaultModel(String provider) {
    requireProvider(provider);
    String model = defaultModels.get(provider);
    if (model == null) {
      throw new FinOpsException(
          FinOpsException.Kind.UNKNOWN_MODEL,
          List.of(
              "provider '"
                  + provider
                  + "' has no default model; known models: "
                  + modelsOf(provider)));
    }
    return model;
  }

  /** Models of a provider, in table order. */
  public List<String> modelsOf(String provider) {
    List<String> models = new ArrayList<>();
    for (ModelPrice price : prices.values()) {
      if (price.provider().equals(provider)) {
        models.add(price.model());
      }
    }
    return models;
  }

  /** Providers that offer {@code model}, in the order of {@link #PROVIDERS}. */
  public List<String> providersOf(String model) {
    List<String> providers = new ArrayList<>();
    for (String provider : PROVIDERS) {
      if (prices.containsKey(key(provider, model))) {
        providers.add(provider);
      }
    }
    return providers;
  }

  public Optional<ModelPrice> find(String provider, String model) {
    return Optional.ofNullable(prices.get(key(provider, model)));
  }

  /**
   * The price of a model.
   *
   * @throws FinOpsException UNKNOWN_MODEL listing the known providers or models, unless the table
   *     has a price for unknown models
   */
  public ModelPrice price(String provider, String model) {
    requireProvider(provider);
    ModelPrice price = prices.get(key(provider, model));
    if (price != null) {
      return price;
    }
    if (unknownModel != null && model != null && !model.isBlank()) {
      return new ModelPrice(
          provider,
          model.strip(),
          unknownModel.inputUsdPerMillion(),
          unknownModel.outputUsdPerMillion(),
          unknownModel.contextWindow(),
          unknownModel.p95LatencyMs(),
          Tokenizers.ESTIMATE,
          BigDecimal.ONE,
          true);
    }
    throw new FinOpsException(
        FinOpsException.Kind.UNKNOWN_MODEL,
        List.of(
            "unknown model '"
                + model
                + "' for provider '"
                + provider
                + "'; known models of "
                + provider
                + ": "
                + modelsOf(provider)));
  }

  /**
   * @throws FinOpsException UNKNOWN_MODEL listing the known providers
   */
  public void requireProvider(String provider) {
    if (provider == null || !PROVIDERS.contains(provider)) {
      throw new FinOpsException(
          FinOpsException.Kind.UNKNOWN_MODEL,
          List.of("unknown provider '" + provider + "'; known providers: " + PROVIDERS));
    }
  }

  private static String key(String provider, String model) {
    return provider + "/" + model;
  }

  private static final class Builder {
    private String asOf;
    private final Map<String, ModelPrice> prices = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private ModelPrice unknown;

    void add(JsonNode table, String source) {
      if (table == null || !table.isObject()) {
        throw new IllegalArgumentException(source + ": a price table must be a YAML mapping");
      }
      if (table.hasNonNull("asOf")) {
        asOf = table.get("asOf").asText();
      }
      List<String> problems = new ArrayList<>();
      JsonNode models = table.path("models");
      for (int i = 0; i < models.size(); i++) {
        ModelPrice price = entry(models.get(i), source + " models[" + i + "]", problems, true);
        if (price != null) {
          prices.put(key(price.provider(), price.model()), price);
        }
      }
      table
          .path("defaultModels")
          .properties()
          .forEach(
              e -> {
                if (!PROVIDERS.contains(e.getKey())) {
                  problems.add(
                      source
                          + " defaultModels: unknown provider '"
                          + e.getKey()
                          + "'; known providers: "
                          + PROVIDERS);
                } else {
                  defaults.put(e.getKey(), e.getValue().asText());
                }
              });
      if (table.has("unknownModel")) {
        unknown = entry(table.get("unknownModel"), source + " unknownModel", problems, false);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
    }

    PriceTable build() {
      List<String> problems = new ArrayList<>();
      defaults.forEach(
          (provider, model) -> {
            if (!prices.containsKey(key(provider, model))) {
              problems.add("default model '" + model + "' of " + provider + " has no price");
            }
          });
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      return new PriceTable(
          asOf == null ? "undated" : asOf, orderedByProvider(), Map.copyOf(defaults), unknown);
    }

    private Map<String, ModelPrice> orderedByProvider() {
      Map<String, ModelPrice> ordered = new LinkedHashMap<>();
      Set<String> order = new LinkedHashSet<>(PROVIDERS);
      for (String provider : order) {
        prices.forEach(
            (key, price) -> {
              if (price.provider().equals(provider)) {
                ordered.put(key, price);
              }
            });
      }
      return java.util.Collections.unmodifiableMap(ordered);
    }

    private static ModelPrice entry(
        JsonNode node, String where, List<String> problems, boolean named) {
      int before = problems.size();
      String provider = named ? text(node, "provider", where, problems) : null;
      String model = named ? text(node, "model", where, problems) : null;
      if (provider != null && !PROVIDERS.contains(provider)) {
        problems.add(
            where + ": unknown provider '" + provider + "'; known providers: " + PROVIDERS);
      }
      BigDecimal input =
          amount(node, "input", "a number of USD per million tokens, 0 or more", where, problems);
      BigDecimal output =
          amount(node, "output", "a number of USD per million tokens, 0 or more", where, problems);
      long context = count(node, "contextWindow", where, problems);
      long latency = count(node, "p95LatencyMs", where, problems);
      String tokenizer =
          named ? node.path("tokenizer").asText(Tokenizers.ESTIMATE) : Tokenizers.ESTIMATE;
      if (!Tokenizers.NAMES.contains(tokenizer)) {
        problems.add(
            where + ": tokenizer must be one of " + Tokenizers.NAMES + ", got '" + tokenizer + "'");
      }
      BigDecimal factor =
          node.has("estimateFactor")
              ? amount(node, "estimateFactor", "a positive number", where, problems)
              : BigDecimal.ONE;
      if (factor != null && factor.signum() <= 0) {
        problems.add(where + ": estimateFactor must be positive");
      }
      if (problems.size() > before) {
        return null;
      }
      return new ModelPrice(
          provider, model, input, output, context, latency, tokenizer, factor, !named);
    }

    private static String text(JsonNode node, String field, String where, List<String> problems) {
      JsonNode value = node.get(field);
      if (value == null || !value.isTextual() || value.asText().isBlank()) {
        problems.add(where + ": '" + field + "' is required");
        return null;
      }
      return value.asText().strip();
    }

    private static BigDecimal amount(
        JsonNode node, String field, String what, String where, List<String> problems) {
      JsonNode value = node.get(field);
      if (value == null || !value.isNumber() || value.decimalValue().signum() < 0) {
        problems.add(where + ": '" + field + "' must be " + what);
        return null;
      }
      return value.decimalValue();
    }

    private static long count(JsonNode node, String field, String where, List<String> problems) {
      JsonNode value = node.get(field);
      if (value == null
          || !value.canConvertToLong()
          || !value.isIntegralNumber()
          || value.asLong() < 1) {
        problems.add(where + ": '" + field + "' must be a whole number, 1 or more");
        return 0;
      }
      return value.asLong();
    }
  }
}
