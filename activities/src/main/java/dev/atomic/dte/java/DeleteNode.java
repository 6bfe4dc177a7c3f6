package dev.atomic.dte.java;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.Selector;
import java.util.Set;

/** {@code deleteNode}: imports, annotations, members and call statements, by selector. */
final class DeleteNode {

  private DeleteNode() {}

  static JavaLanguagePack.Edit apply(
      JavaSources java, int index, ChangeSpec.Patch patch, Set<String> files) {
    String pointer = "/patches/" + index + "/selector";
    Selector selector = Selector.parse(patch.selector(), pointer);
    return java.run(
        JavaNodeRecipes.delete(selector, pointer),
        java.parse(java.narrow(files), InsertNode.tokenOf(selector)));
  }
}
