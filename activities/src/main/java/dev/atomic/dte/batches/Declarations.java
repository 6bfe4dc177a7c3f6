package dev.atomic.dte.batches;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.Parser;
import org.openrewrite.SourceFile;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.JavaParser;
import org.openrewrite.java.tree.J;
import org.openrewrite.tree.ParseError;

/**
 * The names a Java source declares for other files to use: its types (simple and qualified), and
 * the methods, fields, enum constants and record components of each. Sources are parsed without a
 * classpath: only declarations are read, so no type needs to resolve.
 */
final class Declarations {

  private Declarations() {}

  /**
   * Declared names of each source, by key; a source that does not parse declares every name it
   * mentions, so that it is never split from what it might provide.
   */
  static Map<String, Set<String>> of(Map<String, String> sources) {
    Map<String, Set<String>> result = new LinkedHashMap<>();
    if (sources.isEmpty()) {
      return result;
    }
    List<String> keys = new ArrayList<>(sources.keySet());
    List<Parser.Input> inputs = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      inputs.add(Parser.Input.fromString(Path.of("s" + i + ".java"), sources.get(keys.get(i))));
    }
    ExecutionContext ctx = new InMemoryExecutionContext(e -> {});
    List<SourceFile> parsed =
        JavaParser.fromJavaVersion()
            .logCompilationWarningsAndErrors(false)
            .build()
            .parseInputs(inputs, null, ctx)
            .toList();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      SourceFile file = i < parsed.size() ? parsed.get(i) : null;
      if (file instanceof J.CompilationUnit unit && !(file instanceof ParseError)) {
        result.put(key, declaredBy(unit));
      } else {
        result.put(key, Identifiers.of(sources.get(key)));
      }
    }
    return result;
  }

  private static Set<String> declaredBy(J.CompilationUnit unit) {
    Set<String> names = new HashSet<>();
    String pkg =
        unit.getPackageDeclaration() == null
            ? ""
            : unit.getPackageDeclaration().getExpression().printTrimmed() + ".";
    new JavaIsoVisitor<Set<String>>() {
      private final List<String> enclosing = new ArrayList<>();

      @Override
      public J.ClassDeclaration visitClassDeclaration(J.ClassDeclaration type, Set<String> out) {
        String simple = type.getSimpleName();
        out.add(simple);
        String qualified = pkg + String.join("", enclosing.stream().map(e -> e + ".").toList());
        out.add(qualified + simple);
        if (type.getPrimaryConstructor() != null) {
          for (var component : type.getPrimaryConstructor()) {
            if (component instanceof J.VariableDeclarations variables) {
              variables.getVariables().forEach(v -> out.add(v.getSimpleName()));
            }
          }
        }
        enclosing.add(simple);
        try {
          return super.visitClassDeclaration(type, out);
        } finally {
          enclosing.remove(enclosing.size() - 1);
        }
      }

      @Override
      public J.MethodDeclaration visitMethodDeclaration(
          J.MethodDeclaration method, Set<String> out) {
        out.add(method.getSimpleName());
        return method; // locals of a body are nobody else's business
      }

      @Override
      public J.VariableDeclarations visitVariableDeclarations(
          J.VariableDeclarations declarations, Set<String> out) {
        declarations.getVariables().forEach(v -> out.add(v.getSimpleName()));
        return declarations;
      }

      @Override
      public J.EnumValue visitEnumValue(J.EnumValue value, Set<String> out) {
        out.add(value.getName().getSimpleName());
        return value;
      }
    }.visit(unit, names);
    return names;
  }
}
