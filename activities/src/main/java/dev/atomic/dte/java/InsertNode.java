package dev.atomic.dte.java;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteException;
import dev.atomic.dte.Selector;
import java.util.List;
import java.util.Set;

/** {@code insertNode}: an import into the patch's files, an annotation or a member. */
final class InsertNode {

  private InsertNode() {}

  static JavaLanguagePack.Edit apply(
      JavaSources java, int index, ChangeSpec.Patch patch, Set<String> files) {
    String pointer = "/patches/" + index + "/selector";
    Selector selector = Selector.parse(patch.selector(), pointer);
    boolean anImport = selector.kind().equals("Import");
    if (anImport && patch.path() == null) {
      throw DteException.invalid(
          "/patches/"
              + index
              + "/path: adding an import needs a path naming the files that get it");
    }
    return java.run(
        JavaNodeRecipes.insert(selector, patch.details(), pointer),
        java.parse(anImport ? java.narrow(files) : java.sources, tokenOf(selector)));
  }

  static String tokenOf(Selector selector) {
    for (String attribute : List.of("name", "type", "fqn")) {
      String value = selector.attribute(attribute);
      if (value != null) {
        return value.substring(value.lastIndexOf('.') + 1);
      }
    }
    return null;
  }
}
