package dev.atomic.dte.java;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import dev.atomic.dte.DteException;
import java.util.Collection;
import java.util.Map;
import org.openrewrite.Recipe;
import org.openrewrite.config.Environment;
import org.openrewrite.config.RecipeDescriptor;

/**
 * Finds OpenRewrite recipes by name: a recipe class, configured from the patch's options, or a
 * declarative recipe from the classpath (rewrite-migrate-java is bundled, e.g. {@code
 * org.openrewrite.java.migrate.UpgradeToJava17}).
 */
public final class RecipeCatalog {

  private static final ObjectMapper OPTIONS =
      new ObjectMapper()
          .registerModule(new ParameterNamesModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private volatile Environment environment;

  public RecipeCatalog() {}

  Recipe load(String name, Map<String, Object> options, String pointer) {
    if (!name.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+")) {
      throw DteException.invalid(pointer + "/recipe: not a recipe name: '" + name + "'");
    }
    Class<?> type = recipeClass(name);
    if (type != null) {
      try {
        // Recipes deserialize polymorphically: the class name travels in "@c".
        Map<String, Object> withType = new java.util.LinkedHashMap<>(options);
        withType.put("@c", name);
        Recipe recipe = (Recipe) OPTIONS.convertValue(withType, type);
        var validation = recipe.validate();
        if (validation.isInvalid()) {
          throw DteException.invalid(
              pointer
                  + "/options: "
                  + validation.failures().stream()
                      .map(f -> f.getProperty() + ": " + f.getMessage())
                      .toList());
        }
        return recipe;
      } catch (IllegalArgumentException | NullPointerException e) {
        // Recipes check their own options; a missing one surfaces as either exception.
        throw DteException.invalid(
            pointer
                + "/options: cannot configure "
                + name
                + " (missing or invalid options): "
                + firstLine(e.getMessage()));
      }
    }
    Collection<Recipe> found =
        environment().listRecipes().stream().filter(r -> r.getName().equals(name)).toList();
    if (found.isEmpty()) {
      throw DteException.invalid(
          pointer
              + "/recipe: no recipe named "
              + name
              + " on the classpath ("
              + environment().listRecipeDescriptors().size()
              + " available; e.g. org.openrewrite.java.migrate.UpgradeToJava17)");
    }
    if (!options.isEmpty()) {
      throw DteException.invalid(
          pointer + "/options: " + name + " is a declarative recipe and takes no options");
    }
    return found.iterator().next();
  }

  public Collection<RecipeDescriptor> descriptors() {
    return environment().listRecipeDescriptors();
  }

  private static Class<?> recipeClass(String name) {
    try {
      Class<?> type = Class.forName(name, false, RecipeCatalog.class.getClassLoader());
      return Recipe.class.isAssignableFrom(type) ? type : null;
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private Environment environment() {
    Environment current = environment;
    if (current == null) {
      synchronized (this) {
        current = environment;
        if (current == null) {
          current = Environment.builder().scanRuntimeClasspath().build();
          environment = current;
        }
      }
    }
    return current;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
