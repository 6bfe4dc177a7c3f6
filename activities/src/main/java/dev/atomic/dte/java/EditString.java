package dev.atomic.dte.java;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteException;
import dev.atomic.dte.TextEdits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openrewrite.ExecutionContext;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;

/**
 * {@code editString} in Java: string literals equal to {@code from}; comments and text blocks stay.
 */
final class EditString {

  private EditString() {}

  static JavaLanguagePack.Edit apply(
      JavaSources java, int index, ChangeSpec.Patch patch, Set<String> files) {
    String from = patch.requireDetail(index, "from");
    if (!(patch.details().get("to") instanceof String replacement)) {
      throw DteException.invalid("/patches/" + index + "/details/to: required for editString");
    }
    Map<String, String> narrowed = new LinkedHashMap<>();
    for (String file : files) {
      if (java.sources.containsKey(file) && java.sources.get(file).contains(from)) {
        narrowed.put(file, java.sources.get(file));
      }
    }
    return java.run(
        JavaNodeRecipes.recipe(
            "Edit string literals",
            () ->
                new JavaIsoVisitor<ExecutionContext>() {
                  @Override
                  public J.Literal visitLiteral(J.Literal literal, ExecutionContext ctx) {
                    if (literal.getType() == JavaType.Primitive.String
                        && from.equals(literal.getValue())
                        && literal.getValueSource() != null
                        && !literal.getValueSource().startsWith("\"\"\"")) {
                      return literal
                          .withValue(replacement)
                          .withValueSource("\"" + TextEdits.escape(replacement, '"') + "\"");
                    }
                    return literal;
                  }
                }),
        java.parse(narrowed, "\"" + from + "\""));
  }
}
