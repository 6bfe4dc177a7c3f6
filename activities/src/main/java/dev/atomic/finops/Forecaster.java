package dev.atomic.finops;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteException;
import dev.atomic.dte.Scope;
import dev.atomic.dte.WorkingDirectories;
import dev.atomic.dte.git.Repositories;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Forecasts the tokens, cost and latency of a ChangeSpec: the spec and every file its scope
 * selects, counted with the model's tokenizer when a tree is given, else estimated from the scope,
 * plus the expected output. Documented in docs/finops.md.
 */
public final class Forecaster {

  private final ModelCatalog catalog;
  private final TokenCounter tokens;
  private final FinOpsSettings settings;

  public Forecaster(ModelCatalog catalog, TokenCounter tokens, FinOpsSettings settings) {
    this.catalog = catalog;
    this.tokens = tokens;
    this.settings = settings;
  }

  /**
   * Forecasts a request on its tree: a directory under {@code roots}, a fresh clone of its
   * repository (removed afterwards), or none.
   *
   * @throws dev.atomic.dte.DteException INVALID for a directory outside the roots or a bad URL,
   *     REFUSED when the clone fails
   */
  public Forecast forecast(
      ForecastRequest request, WorkingDirectories roots, Repositories repositories) {
    boolean hasDir = request.workingDir() != null && !request.workingDir().isBlank();
    boolean hasRepo = request.repository() != null && !request.repository().isBlank();
    if (hasDir && hasRepo) {
      throw FinOpsException.invalid("give workingDir or repository, not both");
    }
    if (!hasRepo) {
      Path tree = hasDir ? roots.require(request.workingDir()) : null;
      return forecast(
          request.changeSpec(), tree, request.provider(), request.model(), request.task());
    }
    // Check the model before paying for a clone.
    choose(request.provider(), request.model(), request.task());
    Path clone = repositories.checkout(request.repository(), request.ref());
    try {
      return forecast(
          request.changeSpec(), clone, request.provider(), request.model(), request.task());
    } finally {
      delete(clone);
    }
  }

  /**
   * @param tree the working tree, or null to estimate from the scope
   * @throws FinOpsException UNKNOWN_MODEL for an unknown provider or model, INVALID for an unknown
   *     task, INVALID_SPEC when the scope selects nothing in the tree
   */
  public Forecast forecast(ChangeSpec spec, Path tree, String provider, String model, String task) {
    ModelPrice price = choose(provider, model, task);
    List<String> notes = new ArrayList<>();
    long specTokens = tokens.count(Json.write(spec), price);
    long fileTokens = 0;
    int files;
    String basis;
    if (tree != null) {
      List<String> selected;
      try {
        selected = Scope.resolve(tree, spec.scope());
      } catch (DteException e) {
        throw new FinOpsException(FinOpsException.Kind.INVALID_SPEC, e.reasons());
      }
      for (String file : selected) {
        fileTokens +=
            tokens.count(file + "\n", price) + tokens.countFile(tree.resolve(file), price);
      }
      files = selected.size();
      basis = Forecast.TREE;
    } else {
      int globs = 0;
      int named = 0;
      for (String entry : spec.scope()) {
        if (selectsMany(entry)) {
          globs++;
        } else {
          named++;
        }
      }
      files = globs * settings.filesPerGlob() + named;
      fileTokens = (long) files * settings.tokensPerFile();
      basis = Forecast.SCOPE_ESTIMATE;
      notes.add(
          "no tree given: "
              + globs
              + " glob(s) or directories at "
              + settings.filesPerGlob()
              + " files each and "
              + named
              + " named file(s), "
              + settings.tokensPerFile()
              + " tokens per file");
    }
    long input = specTokens + fileTokens;
    long output =
        BigDecimal.valueOf(fileTokens)
            .multiply(settings.outputRatio())
            .setScale(0, RoundingMode.CEILING)
            .longValue();
    int requests = (int) Math.max(1, (input + price.contextWindow() - 1) / price.contextWindow());
    if (requests > 1) {
      notes.add(
          "input exceeds the context window of "
              + price.contextWindow()
              + " tokens: "
              + requests
              + " requests");
    }
    if (!price.exactTokens()) {
      notes.add(
          price.model()
              + " has no public tokenizer: tokens estimated as cl100k_base counts x "
              + price.estimateFactor().toPlainString());
    }
    if (price.pessimistic()) {
      notes.add(
          "model '"
              + price.model()
              + "' is not in the price table: priced at the configured pessimistic rate");
    }
    notes.add(
        "output estimated as "
            + settings.outputRatio().toPlainString()
            + " x the input tokens of the files");
    return new Forecast(
        price.cost(input, output),
        input,
        output,
        input + output,
        price.p95LatencyMs() * requests,
        price.provider(),
        price.model(),
        basis,
        files,
        price.exactTokens() ? price.tokenizer() : Tokenizers.ESTIMATE,
        price.exactTokens() ? "exact" : "estimate",
        requests,
        price.contextWindow(),
        new Forecast.Prices(
            price.inputUsdPerMillion(),
            price.outputUsdPerMillion(),
            catalog.pricesAsOf(),
            price.pessimistic()),
        notes);
  }

  /** The priced model a request means: named, by the task's policy, or the provider's default. */
  ModelPrice choose(String provider, String model, String task) {
    String chosenProvider = blankToNull(provider);
    String chosenModel = blankToNull(model);
    if (chosenModel == null && blankToNull(task) != null) {
      ModelPolicy policy =
          catalog
              .policy(task.strip())
              .orElseThrow(
                  () ->
                      FinOpsException.invalid(
                          "no model policy for task '"
                              + task
                              + "'; tasks: "
                              + catalog.policies().stream().map(ModelPolicy::task).toList()));
      if (chosenProvider == null || chosenProvider.equals(policy.provider())) {
        return catalog.price(policy.provider(), policy.model());
      }
    }
    if (chosenProvider == null) {
      chosenProvider = chosenModel == null ? settings.defaultProvider() : providerOf(chosenModel);
    }
    if (chosenModel == null) {
      chosenModel = catalog.defaultModel(chosenProvider);
    }
    return catalog.price(chosenProvider, chosenModel);
  }

  private String providerOf(String model) {
    List<String> offering = catalog.providersOf(model);
    if (offering.contains(settings.defaultProvider()) || offering.isEmpty()) {
      return settings.defaultProvider();
    }
    return offering.get(0);
  }

  private static void delete(Path tree) {
    try (var paths = Files.walk(tree)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A clone left behind only takes disk space in the cache directory.
    }
  }

  private static boolean selectsMany(String entry) {
    String e = entry.strip();
    return e.endsWith("/")
        || e.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{')
        || !e.substring(e.lastIndexOf('/') + 1).contains(".");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
