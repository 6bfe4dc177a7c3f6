package dev.atomic.dte.java;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.Selector;
import java.util.List;
import org.openrewrite.Recipe;
import org.openrewrite.SourceFile;
import org.openrewrite.java.ChangeFieldName;
import org.openrewrite.java.ChangeMethodName;
import org.openrewrite.java.ChangeType;

/** {@code renameSymbol}: a type, method or field declared in the tree, and every use of it. */
final class RenameSymbol {

  private RenameSymbol() {}

  static JavaLanguagePack.Edit apply(JavaSources java, int index, ChangeSpec.Patch patch) {
    String pointer = "/patches/" + index;
    String newName = patch.requireDetail(index, "newName");
    Targets.requireIdentifier(newName, pointer + "/details/newName");
    Selector selector = Selector.parse(patch.selector(), pointer + "/selector");
    String name = Targets.selectorName(selector);
    List<SourceFile> parsed = java.parse(java.mentioning(name), name);
    Targets.Target target = Targets.resolve(selector, parsed, pointer, java.types);
    Recipe recipe =
        switch (target.kind()) {
          case "type" -> new ChangeType(target.type(), renamedType(target.type(), newName), false);
          case "method" ->
              new ChangeMethodName(
                  target.type() + " " + target.member() + "(..)", newName, true, false);
          case "field" ->
              JavaNodeRecipes.recipe(
                  "Rename field",
                  () -> new ChangeFieldName<>(target.type(), target.member(), newName));
          default -> throw new IllegalStateException(target.kind());
        };
    return java.run(recipe, parsed);
  }

  private static String renamedType(String fqn, String newName) {
    int dot = fqn.lastIndexOf('.');
    return dot < 0 ? newName : fqn.substring(0, dot + 1) + newName;
  }
}
