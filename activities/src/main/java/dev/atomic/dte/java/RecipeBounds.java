package dev.atomic.dte.java;

import java.util.Set;
import java.util.TreeSet;
import org.openrewrite.Preconditions;
import org.openrewrite.Recipe;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.java.search.UsesMethod;

/**
 * The names a recipe's precondition requires a file to mention, so that only those files are
 * parsed. A recipe whose visitor is guarded by {@code UsesMethod} (alone or in an {@code and}, or
 * in an {@code or} of such checks) can only change a file that calls or references that method, and
 * every call or method reference writes the method's name (a constructor: its type's simple name).
 * Anything else — a scanning recipe, a composite, a type check, a negation, a wildcard name — may
 * change any file, and is not bounded.
 */
final class RecipeBounds {

  private RecipeBounds() {}

  /** The names of which a file must mention one to be changed, or null when any file may be. */
  static Set<String> names(Recipe recipe) {
    if (recipe instanceof ScanningRecipe<?> || !recipe.getRecipeList().isEmpty()) {
      return null;
    }
    TreeVisitor<?, ?> visitor;
    try {
      visitor = recipe.getVisitor();
    } catch (RuntimeException e) {
      return null;
    }
    return visitor instanceof Preconditions.Check check ? of(check.getCheck()) : null;
  }

  private static Set<String> of(TreeVisitor<?, ?> check) {
    if (check instanceof UsesMethod<?> uses) {
      String name = methodName(uses.getMethodMatcher().toString());
      return name == null ? null : new TreeSet<>(Set.of(name));
    }
    if (check instanceof Preconditions.And and) {
      // Every check must hold, so any bounded one bounds the whole.
      for (TreeVisitor<?, ?> each : and.getVisitors()) {
        Set<String> names = of(each);
        if (names != null) {
          return names;
        }
      }
      return null;
    }
    if (check instanceof Preconditions.Or or) {
      Set<String> union = new TreeSet<>();
      for (TreeVisitor<?, ?> each : or.getVisitors()) {
        Set<String> names = of(each);
        if (names == null) {
          return null;
        }
        union.addAll(names);
      }
      return union.isEmpty() ? null : union;
    }
    return null;
  }

  /**
   * The literal name a method pattern ({@code com.acme.Type name(..)}) matches, or null for a
   * wildcard.
   */
  static String methodName(String pattern) {
    String text = pattern.strip();
    int space = text.indexOf(' ');
    int paren = text.indexOf('(');
    if (space < 0 || paren < space) {
      return null;
    }
    String type = text.substring(0, space);
    String name = text.substring(space + 1, paren).strip();
    if (name.equals("<constructor>")) {
      int cut = Math.max(type.lastIndexOf('.'), type.lastIndexOf('$'));
      name = type.substring(cut + 1);
    }
    return name.matches("[A-Za-z_$][\\w$]*") ? name : null;
  }
}
