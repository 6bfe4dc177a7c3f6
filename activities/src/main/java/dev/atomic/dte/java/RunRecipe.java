package dev.atomic.dte.java;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openrewrite.Recipe;

/**
 * {@code recipe}: any OpenRewrite recipe on the classpath, by name, with its options. Every file
 * must round-trip, since any may be touched. When the recipe's precondition names a method a file
 * must use ({@link RecipeBounds}), only the files that mention it are parsed. Options that name an
 * existing type (a method pattern's declaring type, an old type name) must resolve in the tree, its
 * classpath or the JDK, so that a recipe never silently matches nothing for want of a dependency.
 */
final class RunRecipe {

  private static final Pattern TYPE_NAME =
      Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+");

  private RunRecipe() {}

  static JavaLanguagePack.Edit apply(
      JavaSources java, RecipeCatalog catalog, int index, ChangeSpec.Patch patch) {
    String pointer = "/patches/" + index + "/details";
    String name = patch.requireDetail(index, "recipe");
    Object options = patch.details().getOrDefault("options", Map.of());
    if (!(options instanceof Map<?, ?> map)) {
      throw DteException.invalid(pointer + "/options: must be an object of recipe options");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> typed = (Map<String, Object>) map;
    Recipe recipe = catalog.load(name, typed, pointer);
    typed.forEach(
        (option, value) -> {
          String type = existingType(option, value);
          if (type != null && !java.types.resolvable(type)) {
            throw java.types.unresolvedError(type, pointer + "/options/" + option);
          }
        });
    Set<String> names = java.candidatesOnly() ? RecipeBounds.names(recipe) : null;
    if (names == null) {
      return java.run(recipe, java.parse(java.sources, ""));
    }
    String reason =
        "the files that mention "
            + String.join(" or ", names)
            + ", which the recipe's precondition requires";
    return java.run(recipe, java.parse(java.mentioningAny(names), "", reason));
  }

  /** The type an option names that must already exist, or null. */
  static String existingType(String option, Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    String key = option.toLowerCase(Locale.ROOT);
    String candidate;
    if (key.contains("methodpattern") || key.equals("pattern")) {
      int space = text.strip().indexOf(' ');
      candidate = space < 0 ? null : text.strip().substring(0, space);
    } else if (key.startsWith("old") && key.contains("type")
        || key.equals("fullyqualifiedtypename")) {
      candidate = text.strip();
    } else {
      return null;
    }
    if (candidate == null
        || candidate.contains("*")
        || candidate.contains("..")
        || !TYPE_NAME.matcher(candidate).matches()) {
      return null;
    }
    return candidate;
  }
}
