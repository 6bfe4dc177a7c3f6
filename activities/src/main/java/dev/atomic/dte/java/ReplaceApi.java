package dev.atomic.dte.java;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteException;
import dev.atomic.dte.Selector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.java.ChangeMethodName;
import org.openrewrite.java.ChangeMethodTargetToStatic;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.RenameVariable;
import org.openrewrite.java.ReorderMethodArguments;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;
import org.openrewrite.java.tree.Statement;

/**
 * {@code replaceAPI}: calls of one method, selected by {@code MethodCall[type=…][name=…]}
 * (optionally {@code [args=n]}), {@code MethodCall[pattern='<OpenRewrite method pattern>']} or
 * {@code CallExpression[…]}. A method the tree declares changes with its declaration (parameter
 * names, order, name, target); a library method's calls migrate through {@link LibraryCalls}.
 */
final class ReplaceApi {

  private ReplaceApi() {}

  static JavaLanguagePack.Edit apply(JavaSources java, int index, ChangeSpec.Patch patch) {
    String pointer = "/patches/" + index;
    Selector selector = Selector.parse(patch.selector(), pointer + "/selector");
    Map<String, String> argsMap = argsMap(patch, pointer);
    List<String> argsOrder = argsOrder(patch, pointer);
    String newTarget = (String) patch.details().get("newTarget");
    String newProperty = (String) patch.details().get("newProperty");
    if (argsMap.isEmpty() && argsOrder.isEmpty() && newTarget == null && newProperty == null) {
      throw DteException.invalid(
          pointer + "/details: replaceAPI needs newProperty, argsMap, argsOrder or newTarget");
    }
    if (newTarget != null) {
      Targets.requireTypeName(newTarget, pointer + "/details/newTarget");
    }
    Object staticImportDetail = patch.details().get("staticImport");
    if (staticImportDetail != null && !(staticImportDetail instanceof Boolean)) {
      throw DteException.invalid(pointer + "/details/staticImport: must be true or false");
    }
    boolean staticImport = Boolean.TRUE.equals(staticImportDetail);
    if (staticImport && newTarget == null) {
      throw DteException.invalid(
          pointer
              + "/details/staticImport: writes the calls moved to newTarget with a static import;"
              + " give newTarget");
    }
    if (newProperty != null) {
      Targets.requireIdentifier(newProperty, pointer + "/details/newProperty");
    }
    String pattern = selector.kind().equals("MethodCall") ? selector.attribute("pattern") : null;
    String type = pattern != null ? typeOfPattern(pattern, pointer) : selector.attribute("type");
    if (selector.kind().equals("MethodCall")
        && type != null
        && type.contains(".")
        && !java.types.inScope(type)) {
      // A library method: only its calls change, and only where the new API has an overload for
      // them.
      if (!java.types.resolvable(type)) {
        throw java.types.unresolvedError(type, pointer + "/selector");
      }
      if (!argsMap.isEmpty()) {
        throw DteException.invalid(
            pointer
                + "/details/argsMap: renames the parameters of a method declared in the tree;"
                + " "
                + type
                + " is a library type");
      }
      String name = pattern != null ? nameOfPattern(pattern, pointer) : selector.attribute("name");
      if (pattern == null) {
        Targets.requireAttribute(selector, "name", pointer);
      }
      String methodPattern =
          pattern != null
              ? pattern
              : Targets.CallPattern.of(selector, pointer + "/selector").methodPattern(type);
      try {
        new org.openrewrite.java.MethodMatcher(methodPattern, true);
      } catch (RuntimeException e) {
        throw DteException.invalid(
            pointer + "/selector: not a method pattern: '" + methodPattern + "'");
      }
      return new LibraryCalls(java)
          .migrate(
              new LibraryCalls.Migration(
                  methodPattern, type, newTarget, newProperty, argsOrder, staticImport),
              name,
              pointer);
    }
    if (staticImport) {
      throw DteException.invalid(
          pointer
              + "/details/staticImport: applies to the calls of a library method, not to a"
              + " method this tree declares");
    }
    if (pattern != null) {
      throw DteException.invalid(
          pointer
              + "/selector: "
              + type
              + " is declared in this tree; select its calls with"
              + " MethodCall[type='"
              + type
              + "'][name='…'] so that its declaration changes with them");
    }
    Targets.CallPattern calls = Targets.CallPattern.of(selector, pointer + "/selector");
    String name = calls.methodName();
    Targets.Target target =
        Targets.only(
            Targets.calls(java.parse(java.mentioning(name), name), calls),
            selector,
            pointer,
            java.types,
            calls.typeName());
    String methodPattern = calls.methodPattern(target.type());
    List<Recipe> steps = new ArrayList<>();
    if (!argsMap.isEmpty()) {
      steps.add(renameParameters(target, argsMap));
    }
    if (!argsOrder.isEmpty()) {
      steps.add(
          new ReorderMethodArguments(
              methodPattern, argsOrder.toArray(String[]::new), null, false, true));
      steps.add(reorderDeclaration(target, argsOrder));
    }
    if (newTarget != null) {
      steps.add(new ChangeMethodTargetToStatic(methodPattern, newTarget, null, true));
    }
    if (newProperty != null) {
      steps.add(new ChangeMethodName(methodPattern, newProperty, true, false));
    }
    return java.inSteps(steps, name);
  }

  /** {@code a.b.C name(..)} → {@code a.b.C}. */
  static String typeOfPattern(String pattern, String pointer) {
    String trimmed = pattern.strip();
    int space = trimmed.indexOf(' ');
    if (space < 0 || trimmed.indexOf('(') < space) {
      throw DteException.invalid(
          pointer
              + "/selector: a method pattern reads '<declaring type> <name>(<parameter types>)',"
              + " e.g. 'com.google.common.base.Preconditions checkNotNull(java.lang.Object)'; got '"
              + pattern
              + "'");
    }
    String type = trimmed.substring(0, space);
    Targets.requireTypeName(type, pointer + "/selector");
    return type;
  }

  static String nameOfPattern(String pattern, String pointer) {
    String trimmed = pattern.strip();
    String rest = trimmed.substring(trimmed.indexOf(' ') + 1).strip();
    int paren = rest.indexOf('(');
    if (paren <= 0 || !rest.endsWith(")")) {
      throw DteException.invalid(pointer + "/selector: not a method pattern: '" + pattern + "'");
    }
    return rest.substring(0, paren).strip();
  }

  private static List<String> argsOrder(ChangeSpec.Patch patch, String pointer) {
    Object value = patch.details().get("argsOrder");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)
        || list.isEmpty()
        || !list.stream().allMatch(String.class::isInstance)) {
      throw DteException.invalid(
          pointer + "/details/argsOrder: must list the parameter names in their new order");
    }
    return list.stream().map(String.class::cast).toList();
  }

  private static Map<String, String> argsMap(ChangeSpec.Patch patch, String pointer) {
    Object value = patch.details().get("argsMap");
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw DteException.invalid(
          pointer + "/details/argsMap: must map old parameter names to new ones");
    }
    Map<String, String> names = new LinkedHashMap<>();
    map.forEach(
        (from, to) -> {
          if (!(to instanceof String target)) {
            throw DteException.invalid(
                pointer + "/details/argsMap/" + from + ": must be a parameter name");
          }
          Targets.requireIdentifier(target, pointer + "/details/argsMap/" + from);
          names.put(String.valueOf(from), target);
        });
    return names;
  }

  /** Puts a declaration's parameters in the new order; each slot keeps its own spacing. */
  private static Recipe reorderDeclaration(Targets.Target target, List<String> order) {
    return JavaNodeRecipes.recipe(
        "Reorder parameters",
        () ->
            new JavaIsoVisitor<ExecutionContext>() {
              @Override
              public J.MethodDeclaration visitMethodDeclaration(
                  J.MethodDeclaration method, ExecutionContext ctx) {
                J.MethodDeclaration visited = super.visitMethodDeclaration(method, ctx);
                JavaType.Method type = visited.getMethodType();
                if (!target.declares(visited)) {
                  return visited;
                }
                List<Statement> parameters = visited.getParameters();
                Map<String, Statement> byName = new LinkedHashMap<>();
                for (Statement parameter : parameters) {
                  if (parameter instanceof J.VariableDeclarations d
                      && d.getVariables().size() == 1) {
                    byName.put(d.getVariables().get(0).getSimpleName(), parameter);
                  }
                }
                if (!byName.keySet().equals(new HashSet<>(order))
                    || byName.size() != parameters.size()) {
                  return visited;
                }
                List<Statement> reordered = new ArrayList<>();
                for (int i = 0; i < order.size(); i++) {
                  reordered.add(byName.get(order.get(i)).withPrefix(parameters.get(i).getPrefix()));
                }
                List<JavaType> types = new ArrayList<>();
                for (String parameterName : order) {
                  types.add(
                      type.getParameterTypes()
                          .get(type.getParameterNames().indexOf(parameterName)));
                }
                return visited
                    .withParameters(reordered)
                    .withMethodType(
                        type.withParameterNames(new ArrayList<>(order)).withParameterTypes(types));
              }
            });
  }

  /** Renames parameters of the target method's declarations, and their uses in its body. */
  private static Recipe renameParameters(Targets.Target target, Map<String, String> argsMap) {
    return JavaNodeRecipes.recipe(
        "Rename parameters",
        () ->
            new JavaIsoVisitor<ExecutionContext>() {
              @Override
              public J.MethodDeclaration visitMethodDeclaration(
                  J.MethodDeclaration method, ExecutionContext ctx) {
                J.MethodDeclaration visited = super.visitMethodDeclaration(method, ctx);
                if (!target.declares(method)) {
                  return visited;
                }
                for (Statement parameter : method.getParameters()) {
                  if (parameter instanceof J.VariableDeclarations declarations) {
                    for (J.VariableDeclarations.NamedVariable variable :
                        declarations.getVariables()) {
                      String newName = argsMap.get(variable.getSimpleName());
                      if (newName != null) {
                        doAfterVisit(new RenameVariable<>(variable, newName));
                      }
                    }
                  }
                }
                return visited;
              }
            });
  }
}
