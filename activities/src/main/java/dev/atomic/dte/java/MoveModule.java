package dev.atomic.dte.java;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteException;
import java.util.List;
import org.openrewrite.java.ChangePackage;

/** {@code moveModule}: a package and its sub-packages to a new name, files and references. */
final class MoveModule {

  private MoveModule() {}

  static JavaLanguagePack.Edit apply(JavaSources java, int index, ChangeSpec.Patch patch) {
    String from = patch.requireDetail(index, "from");
    String to = patch.requireDetail(index, "to");
    for (String pkg : List.of(from, to)) {
      if (!pkg.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
        throw DteException.invalid(
            "/patches/" + index + "/details: not a package name: '" + pkg + "'");
      }
    }
    return java.run(new ChangePackage(from, to, true), java.parse(java.mentioning(from), from));
  }
}
