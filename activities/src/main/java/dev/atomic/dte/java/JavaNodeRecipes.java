package dev.atomic.dte.java;

import dev.atomic.dte.DteException;
import dev.atomic.dte.Selector;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.java.AddImport;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.JavaTemplate;
import org.openrewrite.java.RemoveAnnotation;
import org.openrewrite.java.RemoveImport;
import org.openrewrite.java.RemoveMethodInvocations;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;

/**
 * Recipes for {@code insertNode} and {@code deleteNode}: imports, annotations, members and call
 * statements, chosen by selector.
 */
final class JavaNodeRecipes {

  static final String DELETE_FORMS =
      "Import[type=…], Annotation[type=…], Method[type=…][name=…], Field[type=…][name=…],"
          + " MethodCall[type=…][name=…] (call statements)";
  static final String INSERT_FORMS =
      "Import[type=…] (with a patch path), or Type[fqn=…] / Method[type=…][name=…] /"
          + " Field[type=…][name=…] with details.annotation, or Type[fqn=…] with details.member";

  private JavaNodeRecipes() {}

  static Recipe delete(Selector selector, String pointer) {
    return switch (selector.kind()) {
      case "Import" -> {
        String type = required(selector, "type", pointer);
        yield recipe("Remove import " + type, () -> new RemoveImport<>(type, true));
      }
      case "Annotation" -> new RemoveAnnotation("@" + required(selector, "type", pointer));
      case "MethodCall" ->
          new RemoveMethodInvocations(
              required(selector, "type", pointer)
                  + " "
                  + required(selector, "name", pointer)
                  + "(..)");
      case "Method" ->
          removeMember(
              required(selector, "type", pointer), required(selector, "name", pointer), true);
      case "Field" ->
          removeMember(
              required(selector, "type", pointer), required(selector, "name", pointer), false);
      default ->
          throw DteException.invalid(
              pointer + ": deleteNode takes " + DELETE_FORMS + ", got " + selector.kind());
    };
  }

  static Recipe insert(Selector selector, Map<String, Object> details, String pointer) {
    if (selector.kind().equals("Import")) {
      String type = required(selector, "type", pointer);
      return recipe("Add import " + type, () -> new AddImport<>(type, null, false));
    }
    String annotation = text(details.get("annotation"));
    String member = text(details.get("member"));
    if (annotation != null) {
      if (!annotation.startsWith("@")) {
        throw DteException.invalid(
            pointer.replace("/selector", "/details/annotation") + ": must start with @");
      }
      return annotate(selector, annotation, pointer);
    }
    if (member != null && selector.kind().equals("Type")) {
      String fqn = required(selector, "fqn", pointer);
      return recipe(
          "Add member to " + fqn,
          () ->
              new JavaIsoVisitor<>() {
                @Override
                public J.ClassDeclaration visitClassDeclaration(
                    J.ClassDeclaration type, ExecutionContext ctx) {
                  J.ClassDeclaration visited = super.visitClassDeclaration(type, ctx);
                  if (visited.getType() == null
                      || !visited.getType().getFullyQualifiedName().equals(fqn)
                      || alreadyDeclares(visited, member)) {
                    return visited;
                  }
                  return JavaTemplate.builder(member)
                      .contextSensitive()
                      .build()
                      .apply(
                          updateCursor(visited),
                          visited.getBody().getCoordinates().lastStatement());
                }
              });
    }
    throw DteException.invalid(
        pointer
            + ": insertNode takes "
            + INSERT_FORMS
            + "; statements are not inserted (state them as a member or use editRegex)");
  }

  private static Recipe annotate(Selector selector, String annotation, String pointer) {
    String name = annotation.substring(1).split("[(\\s]")[0];
    String simple = name.substring(name.lastIndexOf('.') + 1);
    Comparator<J.Annotation> order = Comparator.comparing(J.Annotation::getSimpleName);
    return switch (selector.kind()) {
      case "Type" -> {
        String fqn = required(selector, "fqn", pointer);
        yield recipe(
            "Annotate " + fqn,
            () ->
                new JavaIsoVisitor<>() {
                  @Override
                  public J.ClassDeclaration visitClassDeclaration(
                      J.ClassDeclaration type, ExecutionContext ctx) {
                    J.ClassDeclaration visited = super.visitClassDeclaration(type, ctx);
                    if (visited.getType() == null
                        || !visited.getType().getFullyQualifiedName().equals(fqn)
                        || has(visited.getLeadingAnnotations(), simple)) {
                      return visited;
                    }
                    return JavaTemplate.builder(annotation)
                        .build()
                        .apply(
                            updateCursor(visited), visited.getCoordinates().addAnnotation(order));
                  }
                });
      }
      case "Method" -> {
        String type = required(selector, "type", pointer);
        String method = required(selector, "name", pointer);
        yield recipe(
            "Annotate " + type + "#" + method,
            () ->
                new JavaIsoVisitor<>() {
                  @Override
                  public J.MethodDeclaration visitMethodDeclaration(
                      J.MethodDeclaration declaration, ExecutionContext ctx) {
                    J.MethodDeclaration visited = super.visitMethodDeclaration(declaration, ctx);
                    JavaType.Method methodType = visited.getMethodType();
                    if (methodType == null
                        || !visited.getSimpleName().equals(method)
                        || !methodType.getDeclaringType().getFullyQualifiedName().equals(type)
                        || has(visited.getLeadingAnnotations(), simple)) {
                      return visited;
                    }
                    return JavaTemplate.builder(annotation)
                        .build()
                        .apply(
                            updateCursor(visited), visited.getCoordinates().addAnnotation(order));
                  }
                });
      }
      default ->
          throw DteException.invalid(
              pointer
                  + ": annotations are added to Type[fqn=…] or Method[type=…][name=…], got "
                  + selector.kind());
    };
  }

  private static Recipe removeMember(String type, String name, boolean method) {
    return recipe(
        "Remove " + (method ? "method " : "field ") + type + "#" + name,
        () ->
            new JavaIsoVisitor<>() {
              @Override
              public J.MethodDeclaration visitMethodDeclaration(
                  J.MethodDeclaration declaration, ExecutionContext ctx) {
                JavaType.Method methodType = declaration.getMethodType();
                if (method
                    && methodType != null
                    && declaration.getSimpleName().equals(name)
                    && methodType.getDeclaringType().getFullyQualifiedName().equals(type)) {
                  return null;
                }
                return super.visitMethodDeclaration(declaration, ctx);
              }

              @Override
              public J.VariableDeclarations visitVariableDeclarations(
                  J.VariableDeclarations declarations, ExecutionContext ctx) {
                if (!method
                    && declarations.getVariables().stream().allMatch(v -> isField(v, type, name))) {
                  return null;
                }
                return super.visitVariableDeclarations(declarations, ctx);
              }
            });
  }

  private static boolean isField(
      J.VariableDeclarations.NamedVariable variable, String type, String name) {
    JavaType.Variable variableType = variable.getVariableType();
    return variable.getSimpleName().equals(name)
        && variableType != null
        && variableType.getOwner() instanceof JavaType.FullyQualified owner
        && owner.getFullyQualifiedName().equals(type);
  }

  private static boolean has(List<J.Annotation> annotations, String simpleName) {
    return annotations.stream().anyMatch(a -> a.getSimpleName().equals(simpleName));
  }

  /** Inserting the same member twice must not duplicate it: the spec may be applied again. */
  private static boolean alreadyDeclares(J.ClassDeclaration type, String member) {
    String normalized = member.replaceAll("\\s+", " ").strip();
    return type.getBody().getStatements().stream()
        .anyMatch(s -> s.printTrimmed().replaceAll("\\s+", " ").strip().equals(normalized));
  }

  static Recipe recipe(String name, Supplier<TreeVisitor<?, ExecutionContext>> visitor) {
    return new Recipe() {
      @Override
      public String getDisplayName() {
        return name;
      }

      @Override
      public String getDescription() {
        return name + ".";
      }

      @Override
      public TreeVisitor<?, ExecutionContext> getVisitor() {
        return visitor.get();
      }
    };
  }

  private static String required(Selector selector, String attribute, String pointer) {
    String value = selector.attribute(attribute);
    if (value == null || value.isBlank()) {
      throw DteException.invalid(
          pointer + ": " + selector.kind() + " needs [" + attribute + "='…']");
    }
    return value;
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }
}
