package dev.atomic.dte.java;

import dev.atomic.dte.DteException;
import dev.atomic.dte.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openrewrite.SourceFile;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;

/** What selectors name in parsed sources: declarations and calls. */
final class Targets {

  private Targets() {}

  /** A resolved declaration: kind {@code type}, {@code method} or {@code field}. */
  record Target(String kind, String type, String member) {
    String describe() {
      return member == null ? kind + " " + type : kind + " " + type + "#" + member;
    }

    /** True when {@code method} is a declaration of this target method. */
    boolean declares(J.MethodDeclaration method) {
      JavaType.Method methodType = method.getMethodType();
      return methodType != null
          && method.getSimpleName().equals(member)
          && methodType.getDeclaringType().getFullyQualifiedName().equals(type);
    }
  }

  /**
   * Which calls a replaceAPI or semanticRule selector names.
   *
   * @param arguments the number of arguments of the overload, or -1 for every overload
   */
  record CallPattern(String objectName, String methodName, String typeName, int arguments) {
    static CallPattern of(Selector selector, String pointer) {
      return parse(selector, pointer);
    }

    private static CallPattern parse(Selector selector, String pointer) {
      return switch (selector.kind()) {
        case "CallExpression" -> {
          requireAttribute(selector, "callee.property.name", pointer);
          yield new CallPattern(
              selector.attribute("callee.object.name"),
              selector.attribute("callee.property.name"),
              null,
              -1);
        }
        case "MethodCall" -> {
          requireAttribute(selector, "type", pointer);
          requireAttribute(selector, "name", pointer);
          yield new CallPattern(
              null,
              selector.attribute("name"),
              selector.attribute("type"),
              argumentCount(selector, pointer));
        }
        default ->
            throw DteException.invalid(
                pointer
                    + ": calls are selected by MethodCall[type=…][name=…][args=n] or"
                    + " CallExpression[callee.object.name=…][callee.property.name=…], got "
                    + selector.kind());
      };
    }

    /** The OpenRewrite method pattern of these calls on {@code type}. */
    String methodPattern(String type) {
      return type
          + " "
          + methodName
          + "("
          + (arguments < 0 ? ".." : String.join(",", java.util.Collections.nCopies(arguments, "*")))
          + ")";
    }

    boolean arityMatches(J.MethodInvocation call) {
      return arguments < 0 || argumentCount(call) == arguments;
    }
  }

  static int argumentCount(J.MethodInvocation call) {
    return (int) call.getArguments().stream().filter(a -> !(a instanceof J.Empty)).count();
  }

  private static int argumentCount(Selector selector, String pointer) {
    String value = selector.attribute("args");
    if (value == null) {
      return -1;
    }
    try {
      int count = Integer.parseInt(value);
      if (count >= 0 && count <= 255) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw DteException.invalid(
        pointer + ": [args=…] must be a number of arguments from 0 to 255, got '" + value + "'");
  }

  static String selectorName(Selector selector) {
    String name = selector.attribute("name");
    if (name == null && selector.attribute("fqn") != null) {
      String fqn = selector.attribute("fqn");
      name = fqn.substring(fqn.lastIndexOf('.') + 1);
    }
    return name;
  }

  /** The one declaration a renameSymbol selector names. */
  static Target resolve(
      Selector selector, List<SourceFile> parsed, String pointer, TypeLookup types) {
    String name = selectorName(selector);
    switch (selector.kind()) {
      case "Type" -> {
        requireAttribute(selector, "fqn", pointer);
        String fqn = selector.attribute("fqn");
        return only(
            declarations(parsed, name).stream()
                .filter(t -> t.kind().equals("type") && t.type().equals(fqn))
                .toList(),
            selector,
            pointer,
            types,
            fqn);
      }
      case "Method", "Field" -> {
        requireAttribute(selector, "type", pointer);
        requireAttribute(selector, "name", pointer);
        String kind = selector.kind().equals("Method") ? "method" : "field";
        String type = selector.attribute("type");
        return only(
            declarations(parsed, name).stream()
                .filter(t -> t.kind().equals(kind) && t.type().equals(type))
                .toList(),
            selector,
            pointer,
            types,
            type);
      }
      case "Identifier" -> {
        requireAttribute(selector, "name", pointer);
        return only(declarations(parsed, name), selector, pointer, types, null);
      }
      default ->
          throw DteException.invalid(
              pointer
                  + "/selector: renameSymbol takes Identifier[name=…], Type[fqn=…], Method[type=…][name=…]"
                  + " or Field[type=…][name=…], got "
                  + selector.kind());
    }
  }

  /**
   * The one candidate, or an error that says why there is none: a type that is not declared in the
   * tree but on the classpath is a library type, one that is nowhere is unresolved.
   */
  static Target only(
      List<Target> candidates, Selector selector, String pointer, TypeLookup types, String type) {
    Set<String> distinct = new TreeSet<>();
    candidates.forEach(c -> distinct.add(c.describe()));
    if (distinct.isEmpty()) {
      if (type != null && type.contains(".") && !types.inScope(type)) {
        if (types.resolvable(type)) {
          throw DteException.invalid(
              pointer
                  + "/selector: "
                  + type
                  + " is a library type (on the classpath, not declared"
                  + " in this tree); renameSymbol renames the tree's own declarations; migrate calls to it with replaceAPI");
        }
        throw types.unresolvedError(type, pointer + "/selector");
      }
      throw DteException.invalid(
          pointer
              + "/selector: no declaration matches "
              + selector.kind()
              + selector.attributes()
              + " in scope");
    }
    if (distinct.size() > 1) {
      throw DteException.invalid(
          pointer
              + "/selector: ambiguous, it matches "
              + distinct
              + "; name one with Type[fqn='…'], Method[type='…'][name='…'] or Field[type='…'][name='…']");
    }
    return candidates.get(0);
  }

  static List<Target> declarations(List<SourceFile> parsed, String name) {
    List<Target> found = new ArrayList<>();
    JavaIsoVisitor<List<Target>> visitor =
        new JavaIsoVisitor<>() {
          @Override
          public J.ClassDeclaration visitClassDeclaration(
              J.ClassDeclaration type, List<Target> out) {
            if (type.getSimpleName().equals(name) && type.getType() != null) {
              out.add(new Target("type", type.getType().getFullyQualifiedName(), null));
            }
            return super.visitClassDeclaration(type, out);
          }

          @Override
          public J.MethodDeclaration visitMethodDeclaration(
              J.MethodDeclaration method, List<Target> out) {
            if (method.getSimpleName().equals(name)
                && !method.isConstructor()
                && method.getMethodType() != null) {
              out.add(
                  new Target(
                      "method",
                      method.getMethodType().getDeclaringType().getFullyQualifiedName(),
                      name));
            }
            return super.visitMethodDeclaration(method, out);
          }

          @Override
          public J.VariableDeclarations.NamedVariable visitVariable(
              J.VariableDeclarations.NamedVariable variable, List<Target> out) {
            JavaType.Variable type = variable.getVariableType();
            if (variable.getSimpleName().equals(name)
                && type != null
                && type.getOwner() instanceof JavaType.FullyQualified owner) {
              out.add(new Target("field", owner.getFullyQualifiedName(), name));
            }
            return super.visitVariable(variable, out);
          }
        };
    parsed.forEach(source -> visitor.visit(source, found));
    return found;
  }

  /** Calls a pattern matches, by the declaring type the parser resolved. */
  static List<Target> calls(List<SourceFile> parsed, CallPattern pattern) {
    List<Target> found = new ArrayList<>();
    JavaIsoVisitor<List<Target>> visitor =
        new JavaIsoVisitor<>() {
          @Override
          public J.MethodInvocation visitMethodInvocation(
              J.MethodInvocation call, List<Target> out) {
            JavaType.Method type = call.getMethodType();
            if (call.getSimpleName().equals(pattern.methodName())
                && type != null
                && pattern.arityMatches(call)) {
              String declaring = type.getDeclaringType().getFullyQualifiedName();
              boolean objectMatches =
                  pattern.objectName() == null
                      || (call.getSelect() instanceof J.Identifier id
                          && id.getSimpleName().equals(pattern.objectName()));
              boolean typeMatches =
                  pattern.typeName() == null
                      || declaring.equals(pattern.typeName())
                      || declaring.endsWith("." + pattern.typeName());
              if (objectMatches && typeMatches) {
                out.add(new Target("method", declaring, pattern.methodName()));
              }
            }
            return super.visitMethodInvocation(call, out);
          }
        };
    parsed.forEach(source -> visitor.visit(source, found));
    return found;
  }

  static void requireAttribute(Selector selector, String attribute, String pointer) {
    if (selector.attribute(attribute) == null || selector.attribute(attribute).isBlank()) {
      throw DteException.invalid(
          pointer + "/selector: " + selector.kind() + " needs [" + attribute + "='…']");
    }
  }

  static void requireIdentifier(String name, String pointer) {
    if (!name.matches("[A-Za-z_$][\\w$]*")) {
      throw DteException.invalid(pointer + ": not a Java identifier: '" + name + "'");
    }
  }

  static void requireTypeName(String name, String pointer) {
    if (!name.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+")) {
      throw DteException.invalid(
          pointer + ": must be a fully qualified type name, got '" + name + "'");
    }
  }

  static String firstLine(String text) {
    if (text == null) {
      return "unknown reason";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
