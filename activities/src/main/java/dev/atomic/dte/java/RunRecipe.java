package dev.atomic.dte.java;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openrewrite.Recipe;
import org.openrewrite.SourceFile;

/**
 * {@code recipe}: any OpenRewrite recipe on the classpath, by name, with its options. Every file
 * must round-trip, since any may be touched. When the recipe's precondition names a method a file
 * must use ({@link RecipeBounds}), only the files that mention it are parsed. A recipe that
 * directly follows another runs on the trees that one left, as in an OpenRewrite recipe list.
 * Options that name an existing type (a method pattern's declaring type, an old type name) must
 * resolve in the tree, its classpath or the JDK, so that a recipe never silently matches nothing
 * for want of a dependency.
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
    Map<String, String> inputs = names == null ? java.sources : java.mentioningAny(names);
    List<SourceFile> trees = java.carriedOver(inputs);
    if (trees != null) {
      java.progress.accept(
          "ran on the "
              + trees.size()
              + " Java file(s) the previous recipe left, without parsing them again");
    } else if (names == null) {
      trees = java.parse(inputs, "");
    } else {
      String reason =
          "the files that mention "
              + String.join(" or ", names)
              + ", which the recipe's precondition requires";
      trees = java.parse(inputs, "", reason);
    }
    return java.runAndCarry(recipe, () -> catalog.load(name, typed, pointer), trees);
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
