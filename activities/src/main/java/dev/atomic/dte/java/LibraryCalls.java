package dev.atomic.dte.java;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.java.JavaParser;
import org.openrewrite.java.JavaVisitor;
import org.openrewrite.java.MethodMatcher;
import org.openrewrite.java.tree.Expression;
import org.openrewrite.java.tree.Flag;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;
import org.openrewrite.java.tree.Space;
import org.openrewrite.java.tree.TypeUtils;
import org.openrewrite.marker.Markers;

/**
 * {@code replaceAPI} on calls to a library type, one not declared in the tree: each call that the
 * selector matches by its resolved declaring type (and overload) is moved to the new target and
 * name, with its arguments reordered, only when the new API has an overload that accepts exactly
 * those arguments; any other call is left as it is and reported. Imports follow.
 */
final class LibraryCalls {

  /**
   * What to do with the matched calls.
   *
   * @param methodPattern the OpenRewrite method pattern of the calls to change
   * @param type the declaring type of those calls
   * @param newTarget the type that declares the replacement (static) method, or null to keep it
   * @param newName the replacement method's name, or null to keep it
   * @param argsOrder the calls' parameter names in their new order, or empty
   * @param staticImport write the moved calls unqualified, with a static import of the new method
   */
  record Migration(
      String methodPattern,
      String type,
      String newTarget,
      String newName,
      List<String> argsOrder,
      boolean staticImport) {}

  private final JavaSources java;

  LibraryCalls(JavaSources java) {
    this.java = java;
  }

  JavaLanguagePack.Edit migrate(Migration migration, String methodName, String pointer) {
    if (migration.newTarget() != null) {
      if (!java.types.resolvable(migration.newTarget())) {
        throw java.types.unresolvedError(migration.newTarget(), pointer + "/details/newTarget");
      }
      // Typed in the same compilations as the calls, so no parse of its own is needed.
      java.probe(migration.newTarget());
    }
    List<SourceFile> parsed = java.parse(java.mentioning(methodName), methodName);
    JavaType.FullyQualified target = null;
    if (migration.newTarget() != null) {
      target = java.probed(migration.newTarget());
      if (target == null) {
        target = typeOf(migration.newTarget());
      }
      if (target == null) {
        throw java.types.unresolvedError(migration.newTarget(), pointer + "/details/newTarget");
      }
    }
    // Tallies shared by the visitors of a run that edits two halves of the files at once; each
    // file is visited by one of them, so a file's list is only ever added to by one thread.
    Map<String, List<String>> leftAlone = new ConcurrentSkipListMap<>();
    AtomicInteger changed = new AtomicInteger();
    AtomicInteger qualified = new AtomicInteger();
    MethodMatcher matcher = new MethodMatcher(migration.methodPattern(), true);
    JavaType.FullyQualified newTarget = target;
    Supplier<TreeVisitor<?, ExecutionContext>> visitors =
        () ->
            new JavaVisitor<ExecutionContext>() {
              /** Whether this file can take a static import of the new method without a clash. */
              private boolean staticImportFits;

              @Override
              public J visitCompilationUnit(J.CompilationUnit unit, ExecutionContext ctx) {
                staticImportFits =
                    migration.staticImport()
                        && newTarget != null
                        && StaticImports.fits(
                            unit,
                            newTarget,
                            migration.newName() != null ? migration.newName() : methodName);
                return super.visitCompilationUnit(unit, ctx);
              }

              @Override
              public J visitMethodInvocation(J.MethodInvocation invocation, ExecutionContext ctx) {
                J visited = super.visitMethodInvocation(invocation, ctx);
                if (!(visited instanceof J.MethodInvocation call) || !matcher.matches(call)) {
                  return visited;
                }
                String path =
                    JavaSources.pathOf(getCursor().firstEnclosingOrThrow(SourceFile.class));
                Consumer<String> left =
                    why ->
                        leftAlone
                            .computeIfAbsent(path, p -> new ArrayList<>())
                            .add(text(call, getCursor()) + " (" + why + ")");
                JavaType.Method original = call.getMethodType();
                List<Expression> arguments = reordered(call, original, migration.argsOrder());
                if (arguments == null) {
                  left.accept(
                      "its parameters "
                          + original.getParameterNames()
                          + " are not those of argsOrder");
                  return call;
                }
                boolean isStatic = original.hasFlags(Flag.Static);
                if (newTarget != null && !isStatic) {
                  left.accept("an instance call; newTarget moves static calls");
                  return call;
                }
                JavaType.FullyQualified owner =
                    newTarget != null ? newTarget : original.getDeclaringType();
                String name =
                    migration.newName() != null ? migration.newName() : original.getName();
                JavaType.Method counterpart =
                    counterpart(owner, name, isStatic, arguments, original);
                if (counterpart == null) {
                  left.accept(
                      owner.getFullyQualifiedName()
                          + " has no "
                          + name
                          + " that takes "
                          + argumentTypes(arguments));
                  return call;
                }
                changed.incrementAndGet();
                J.MethodInvocation moved =
                    call.withArguments(arguments)
                        .withName(call.getName().withSimpleName(name).withType(counterpart))
                        .withMethodType(counterpart);
                if (newTarget != null
                    && migration.staticImport()
                    && staticImportFits
                    && !StaticImports.shadowed(getCursor(), name)) {
                  if (call.getSelect() != null) {
                    moved =
                        moved
                            .withSelect(null)
                            .withName(moved.getName().withPrefix(call.getSelect().getPrefix()));
                  }
                  maybeAddImport(newTarget.getFullyQualifiedName(), name, false);
                  maybeRemoveImport(migration.type());
                  maybeRemoveImport(migration.type() + "." + original.getName());
                } else if (newTarget != null) {
                  if (migration.staticImport()) {
                    qualified.incrementAndGet();
                  }
                  Space prefix =
                      call.getSelect() == null ? Space.EMPTY : call.getSelect().getPrefix();
                  moved =
                      moved.withSelect(
                          new J.Identifier(
                              Tree.randomId(),
                              prefix,
                              Markers.EMPTY,
                              List.of(),
                              newTarget.getClassName(),
                              newTarget,
                              null));
                  maybeAddImport(newTarget.getFullyQualifiedName(), false);
                  maybeRemoveImport(migration.type());
                  maybeRemoveImport(migration.type() + "." + original.getName());
                }
                return moved;
              }
            };
    JavaLanguagePack.Edit edit =
        java.run(
            JavaNodeRecipes.recipe("Migrate library calls", visitors),
            () -> JavaNodeRecipes.recipe("Migrate library calls", visitors),
            parsed);
    if (!leftAlone.isEmpty()) {
      int count = leftAlone.values().stream().mapToInt(List::size).sum();
      java.warnings.add(
          pointer
              + ": left "
              + count
              + " call(s) of "
              + migration.methodPattern()
              + " unchanged, because the new API has no overload for them; migrate them by hand:");
      leftAlone.forEach(
          (path, calls) -> calls.forEach(call -> java.warnings.add("  " + path + ": " + call)));
    }
    if (changed.get() == 0 && leftAlone.isEmpty()) {
      throw dev.atomic.dte.DteException.invalid(
          pointer + "/selector: no call of " + migration.methodPattern() + " in scope");
    }
    java.progress.accept(
        "replaceAPI: "
            + changed.get()
            + " call(s) migrated"
            + (qualified.get() == 0
                ? ""
                : " ("
                    + qualified.get()
                    + " written qualified, where a static import would clash with a method"
                    + " of the same name)")
            + ", "
            + leftAlone.values().stream().mapToInt(List::size).sum()
            + " left unchanged");
    return edit;
  }

  /** The arguments in the order {@code argsOrder} gives, or null when the names do not fit. */
  private static List<Expression> reordered(
      J.MethodInvocation call, JavaType.Method method, List<String> argsOrder) {
    List<Expression> arguments =
        call.getArguments().stream().filter(a -> !(a instanceof J.Empty)).toList();
    if (argsOrder.isEmpty()) {
      return call.getArguments();
    }
    List<String> names = method.getParameterNames();
    if (names.size() != arguments.size()
        || !names.containsAll(argsOrder)
        || argsOrder.size() != names.size()) {
      return null;
    }
    List<Expression> result = new ArrayList<>();
    for (int i = 0; i < argsOrder.size(); i++) {
      result.add(
          arguments.get(names.indexOf(argsOrder.get(i))).withPrefix(arguments.get(i).getPrefix()));
    }
    return result;
  }

  /** The overload of {@code owner.name} that accepts these arguments, or null. */
  private static JavaType.Method counterpart(
      JavaType.FullyQualified owner,
      String name,
      boolean isStatic,
      List<Expression> arguments,
      JavaType.Method original) {
    List<Expression> args = arguments.stream().filter(a -> !(a instanceof J.Empty)).toList();
    for (JavaType.Method candidate : methods(owner, name)) {
      if (candidate.hasFlags(Flag.Static) != isStatic || !accepts(candidate, args)) {
        continue;
      }
      boolean returnsValue = original.getReturnType() != JavaType.Primitive.Void;
      if (returnsValue && candidate.getReturnType() == JavaType.Primitive.Void) {
        continue;
      }
      return candidate;
    }
    return null;
  }

  private static List<JavaType.Method> methods(JavaType.FullyQualified type, String name) {
    List<JavaType.Method> found = new ArrayList<>();
    java.util.ArrayDeque<JavaType.FullyQualified> todo = new java.util.ArrayDeque<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      JavaType.FullyQualified next = todo.pop();
      if (!seen.add(next.getFullyQualifiedName())) {
        continue;
      }
      next.getMethods().stream().filter(m -> m.getName().equals(name)).forEach(found::add);
      if (next.getSupertype() != null) {
        todo.add(next.getSupertype());
      }
      todo.addAll(next.getInterfaces());
    }
    return found;
  }

  private static boolean accepts(JavaType.Method method, List<Expression> args) {
    List<JavaType> parameters = method.getParameterTypes();
    boolean varargs = method.hasFlags(Flag.Varargs);
    if (!varargs && parameters.size() != args.size()) {
      return false;
    }
    if (varargs && args.size() < parameters.size() - 1) {
      return false;
    }
    for (int i = 0; i < args.size(); i++) {
      JavaType parameter;
      if (varargs && i >= parameters.size() - 1) {
        JavaType last = parameters.get(parameters.size() - 1);
        boolean arrayPassed =
            args.size() == parameters.size() && args.get(i).getType() instanceof JavaType.Array;
        parameter =
            arrayPassed || !(last instanceof JavaType.Array array) ? last : array.getElemType();
      } else {
        parameter = parameters.get(i);
      }
      if (!assignable(parameter, args.get(i).getType())) {
        return false;
      }
    }
    return true;
  }

  /** True when a value of type {@code argument} can be passed for {@code parameter}. */
  static boolean assignable(JavaType parameter, JavaType argument) {
    if (argument == null || argument instanceof JavaType.Unknown) {
      return false; // unknown: the call cannot be proven to compile, so it is left alone
    }
    if (parameter instanceof JavaType.GenericTypeVariable variable) {
      return variable.getBounds().isEmpty() || assignable(variable.getBounds().get(0), argument);
    }
    if (argument == JavaType.Primitive.Null) {
      return !(parameter instanceof JavaType.Primitive);
    }
    if (parameter instanceof JavaType.Primitive primitive) {
      if (argument instanceof JavaType.Primitive given) {
        return given == primitive;
      }
      return argument instanceof JavaType.FullyQualified boxed
          && primitive.getClassName() != null
          && boxed.getFullyQualifiedName().equals(boxName(primitive));
    }
    if (parameter instanceof JavaType.Array array) {
      return argument instanceof JavaType.Array given
          && assignable(array.getElemType(), given.getElemType());
    }
    JavaType.FullyQualified expected = TypeUtils.asFullyQualified(parameter);
    if (expected == null) {
      return false;
    }
    String fqn = expected.getFullyQualifiedName();
    if (fqn.equals("java.lang.Object")) {
      return true;
    }
    if (argument instanceof JavaType.Primitive primitive) {
      String box = boxName(primitive);
      return fqn.equals(box)
          || (box != null && TypeUtils.isAssignableTo(fqn, JavaType.ShallowClass.build(box)));
    }
    if (argument instanceof JavaType.GenericTypeVariable variable) {
      return !variable.getBounds().isEmpty() && assignable(parameter, variable.getBounds().get(0));
    }
    return TypeUtils.isAssignableTo(fqn, argument);
  }

  private static String boxName(JavaType.Primitive primitive) {
    return switch (primitive) {
      case Boolean -> "java.lang.Boolean";
      case Byte -> "java.lang.Byte";
      case Char -> "java.lang.Character";
      case Double -> "java.lang.Double";
      case Float -> "java.lang.Float";
      case Int -> "java.lang.Integer";
      case Long -> "java.lang.Long";
      case Short -> "java.lang.Short";
      case String -> "java.lang.String";
      default -> null;
    };
  }

  /** A type as the parser sees it on the tree's classpath, with its methods; null if unknown. */
  private JavaType.FullyQualified typeOf(String fqn) {
    List<org.openrewrite.Parser.Input> inputs = new ArrayList<>();
    inputs.add(
        org.openrewrite.Parser.Input.fromString(
            Path.of(JavaSources.PROBE), JavaSources.probeSource(List.of(fqn))));
    // A type of the tree itself is typed from its source.
    java.types
        .sourcesOf(fqn)
        .forEach(
            (path, content) ->
                inputs.add(org.openrewrite.Parser.Input.fromString(Path.of(path), content)));
    ExecutionContext ctx = new InMemoryExecutionContext(e -> {});
    JavaParser parser =
        JavaParser.fromJavaVersion()
            .classpath(java.classpath.everyEntry())
            .logCompilationWarningsAndErrors(false)
            .build();
    return parser
        .parseInputs(inputs, null, ctx)
        .map(source -> JavaSources.probedTypes(source).get(fqn))
        .filter(type -> type != null)
        .findFirst()
        .orElse(null);
  }

  private static String argumentTypes(List<Expression> arguments) {
    return "("
        + arguments.stream()
            .filter(a -> !(a instanceof J.Empty))
            .map(
                a ->
                    a.getType() == null
                        ? "?"
                        : a.getType() == JavaType.Primitive.String
                            ? "java.lang.String"
                            : TypeUtils.toString(a.getType()))
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static String text(J.MethodInvocation call, org.openrewrite.Cursor cursor) {
    String printed = call.printTrimmed(cursor).replaceAll("\\s+", " ");
    return printed.length() > 120 ? printed.substring(0, 117) + "…" : printed;
  }
}
