package dev.atomic.dte;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.ParseExceptionResult;
import org.openrewrite.Parser;
import org.openrewrite.Recipe;
import org.openrewrite.Result;
import org.openrewrite.SourceFile;
import org.openrewrite.TreeVisitor;
import org.openrewrite.internal.InMemoryLargeSourceSet;
import org.openrewrite.java.ChangeFieldName;
import org.openrewrite.java.ChangeMethodName;
import org.openrewrite.java.ChangeMethodTargetToStatic;
import org.openrewrite.java.ReorderMethodArguments;
import org.openrewrite.java.ChangePackage;
import org.openrewrite.java.ChangeType;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.JavaParser;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;
import org.openrewrite.tree.ParseError;

/**
 * The Java language pack: type-attributed, format-preserving edits through OpenRewrite.
 * Before anything is changed, every file must print back byte for byte; a file that does not
 * (or does not parse) and mentions what the change touches makes the whole change refused,
 * never applied to the other files only.
 */
final class JavaLanguagePack {

  /** Java sources by relative path; updated in place as patches apply. */
  private final Map<String, String> sources;
  private final List<String> warnings;

  private final java.util.function.Consumer<String> progress;

  JavaLanguagePack(Map<String, String> sources, List<String> warnings) {
    this(sources, warnings, message -> { });
  }

  JavaLanguagePack(Map<String, String> sources, List<String> warnings, java.util.function.Consumer<String> progress) {
    this.sources = sources;
    this.warnings = warnings;
    this.progress = progress;
  }

  /** What one patch changes: new contents by path, and moves old path → new path. */
  record Edit(Map<String, String> contents, Map<String, String> moves) {}

  Edit renameSymbol(int index, ChangeSpec.Patch patch) {
    String pointer = "/patches/" + index;
    String newName = patch.requireDetail(index, "newName");
    requireIdentifier(newName, pointer + "/details/newName");
    Selector selector = Selector.parse(patch.selector(), pointer + "/selector");
    List<SourceFile> parsed = parse(mentioning(selectorName(selector)), selectorName(selector));
    Target target = resolve(selector, parsed, pointer);
    Recipe recipe =
        switch (target.kind()) {
          case "type" -> new ChangeType(target.type(), renamedType(target.type(), newName), false);
          case "method" -> new ChangeMethodName(target.type() + " " + target.member() + "(..)", newName, true, false);
          case "field" ->
              JavaNodeRecipes.recipe("Rename field", () -> new ChangeFieldName<>(target.type(), target.member(), newName));
          default -> throw new IllegalStateException(target.kind());
        };
    return run(recipe, parsed);
  }

  Edit replaceApi(int index, ChangeSpec.Patch patch) {
    String pointer = "/patches/" + index;
    Selector selector = Selector.parse(patch.selector(), pointer + "/selector");
    String name = CallPattern.of(selector, pointer + "/selector").methodName();
    Target target = resolveCall(selector, parse(mentioning(name), name), pointer);
    String pattern = target.type() + " " + target.member() + "(..)";
    Map<String, String> argsMap = argsMap(patch, pointer);
    List<String> argsOrder = argsOrder(patch, pointer);
    String newTarget = (String) patch.details().get("newTarget");
    String newProperty = (String) patch.details().get("newProperty");
    if (argsMap.isEmpty() && argsOrder.isEmpty() && newTarget == null && newProperty == null) {
      throw DteException.invalid(pointer + "/details: replaceAPI needs newProperty, argsMap, argsOrder or newTarget");
    }
    List<Recipe> steps = new ArrayList<>();
    if (!argsMap.isEmpty()) {
      steps.add(renameParameters(target, argsMap));
    }
    if (!argsOrder.isEmpty()) {
      steps.add(new ReorderMethodArguments(pattern, argsOrder.toArray(String[]::new), null, false, true));
      steps.add(reorderDeclaration(target, argsOrder));
    }
    if (newTarget != null) {
      if (!newTarget.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+")) {
        throw DteException.invalid(pointer + "/details/newTarget: must be a fully qualified type name");
      }
      steps.add(new ChangeMethodTargetToStatic(pattern, newTarget, null, true));
    }
    if (newProperty != null) {
      requireIdentifier(newProperty, pointer + "/details/newProperty");
      steps.add(new ChangeMethodName(pattern, newProperty, true, false));
    }
    return inSteps(steps, name);
  }

  /** Runs recipes one after another, each on the result of the one before. */
  private Edit inSteps(List<Recipe> steps, String token) {
    Map<String, String> initial = new LinkedHashMap<>(sources);
    Map<String, String> moves = new LinkedHashMap<>();
    for (Recipe step : steps) {
      Edit edit = run(step, parse(mentioning(token), token));
      edit.moves().forEach((before, after) -> {
        sources.remove(before);
        String origin = moves.getOrDefault(before, before);
        moves.remove(before);
        moves.put(origin, after);
      });
      sources.putAll(edit.contents());
    }
    Map<String, String> contents = new LinkedHashMap<>();
    sources.forEach((path, content) -> {
      if (!content.equals(initial.get(path))) {
        contents.put(path, content);
      }
    });
    return new Edit(contents, moves);
  }

  private static List<String> argsOrder(ChangeSpec.Patch patch, String pointer) {
    Object value = patch.details().get("argsOrder");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
      throw DteException.invalid(pointer + "/details/argsOrder: must list the parameter names in their new order");
    }
    return list.stream().map(String.class::cast).toList();
  }

  /** Puts a declaration's parameters in the new order; each slot keeps its own spacing. */
  private static Recipe reorderDeclaration(Target target, List<String> order) {
    return JavaNodeRecipes.recipe(
        "Reorder parameters",
        () ->
            new JavaIsoVisitor<ExecutionContext>() {
              @Override
              public J.MethodDeclaration visitMethodDeclaration(J.MethodDeclaration method, ExecutionContext ctx) {
                J.MethodDeclaration visited = super.visitMethodDeclaration(method, ctx);
                JavaType.Method type = visited.getMethodType();
                if (!target.declares(visited)) {
                  return visited;
                }
                List<org.openrewrite.java.tree.Statement> parameters = visited.getParameters();
                Map<String, org.openrewrite.java.tree.Statement> byName = new LinkedHashMap<>();
                for (org.openrewrite.java.tree.Statement parameter : parameters) {
                  if (parameter instanceof J.VariableDeclarations d && d.getVariables().size() == 1) {
                    byName.put(d.getVariables().get(0).getSimpleName(), parameter);
                  }
                }
                if (!byName.keySet().equals(new java.util.HashSet<>(order)) || byName.size() != parameters.size()) {
                  return visited;
                }
                List<org.openrewrite.java.tree.Statement> reordered = new ArrayList<>();
                for (int i = 0; i < order.size(); i++) {
                  reordered.add(byName.get(order.get(i)).withPrefix(parameters.get(i).getPrefix()));
                }
                List<String> names = new ArrayList<>(order);
                List<JavaType> types = new ArrayList<>();
                for (String parameterName : order) {
                  types.add(type.getParameterTypes().get(type.getParameterNames().indexOf(parameterName)));
                }
                return visited
                    .withParameters(reordered)
                    .withMethodType(type.withParameterNames(names).withParameterTypes(types));
              }
            });
  }

  private static Map<String, String> argsMap(ChangeSpec.Patch patch, String pointer) {
    Object value = patch.details().get("argsMap");
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw DteException.invalid(pointer + "/details/argsMap: must map old parameter names to new ones");
    }
    Map<String, String> names = new LinkedHashMap<>();
    map.forEach((from, to) -> {
      if (!(to instanceof String target)) {
        throw DteException.invalid(pointer + "/details/argsMap/" + from + ": must be a parameter name");
      }
      requireIdentifier(target, pointer + "/details/argsMap/" + from);
      names.put(String.valueOf(from), target);
    });
    return names;
  }

  /** Renames parameters of the target method's declarations, and their uses in its body. */
  private static Recipe renameParameters(Target target, Map<String, String> argsMap) {
    return JavaNodeRecipes.recipe(
        "Rename parameters",
        () ->
            new JavaIsoVisitor<ExecutionContext>() {
              @Override
              public J.MethodDeclaration visitMethodDeclaration(J.MethodDeclaration method, ExecutionContext ctx) {
                J.MethodDeclaration visited = super.visitMethodDeclaration(method, ctx);
                if (!target.declares(method)) {
                  return visited;
                }
                for (org.openrewrite.java.tree.Statement parameter : method.getParameters()) {
                  if (parameter instanceof J.VariableDeclarations declarations) {
                    for (J.VariableDeclarations.NamedVariable variable : declarations.getVariables()) {
                      String newName = argsMap.get(variable.getSimpleName());
                      if (newName != null) {
                        doAfterVisit(new org.openrewrite.java.RenameVariable<>(variable, newName));
                      }
                    }
                  }
                }
                return visited;
              }
            });
  }

  /** Any OpenRewrite recipe by name; every file must round-trip, since any may be touched. */
  Edit recipe(int index, ChangeSpec.Patch patch) {
    String pointer = "/patches/" + index + "/details";
    String name = patch.requireDetail(index, "recipe");
    Object options = patch.details().getOrDefault("options", Map.of());
    if (!(options instanceof Map<?, ?> map)) {
      throw DteException.invalid(pointer + "/options: must be an object of recipe options");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> typed = (Map<String, Object>) map;
    Recipe recipe = RecipeCatalog.load(name, typed, pointer);
    return run(recipe, parse(sources, ""));
  }

  Edit deleteNode(int index, ChangeSpec.Patch patch, Set<String> files) {
    String pointer = "/patches/" + index + "/selector";
    Selector selector = Selector.parse(patch.selector(), pointer);
    Recipe recipe = JavaNodeRecipes.delete(selector, pointer);
    return run(recipe, parse(narrow(files), tokenOf(selector)));
  }

  Edit insertNode(int index, ChangeSpec.Patch patch, Set<String> files) {
    String pointer = "/patches/" + index + "/selector";
    Selector selector = Selector.parse(patch.selector(), pointer);
    if (selector.kind().equals("Import") && patch.path() == null) {
      throw DteException.invalid("/patches/" + index + "/path: adding an import needs a path naming the files that get it");
    }
    Recipe recipe = JavaNodeRecipes.insert(selector, patch.details(), pointer);
    return run(recipe, parse(selector.kind().equals("Import") ? narrow(files) : sources, tokenOf(selector)));
  }

  /** The sources limited to a patch's files (all of them are still parsed for types). */
  private Map<String, String> narrow(Set<String> files) {
    Map<String, String> narrowed = new LinkedHashMap<>();
    sources.forEach((path, content) -> {
      if (files.contains(path)) {
        narrowed.put(path, content);
      }
    });
    return narrowed;
  }

  private static String tokenOf(Selector selector) {
    for (String attribute : List.of("name", "type", "fqn")) {
      String value = selector.attribute(attribute);
      if (value != null) {
        return value.substring(value.lastIndexOf('.') + 1);
      }
    }
    return null;
  }

  Edit moveModule(int index, ChangeSpec.Patch patch) {
    String from = patch.requireDetail(index, "from");
    String to = patch.requireDetail(index, "to");
    for (String pkg : List.of(from, to)) {
      if (!pkg.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
        throw DteException.invalid("/patches/" + index + "/details: not a package name: '" + pkg + "'");
      }
    }
    List<SourceFile> parsed = parse(mentioning(from), from);
    return run(new ChangePackage(from, to, true), parsed);
  }

  Edit editString(int index, ChangeSpec.Patch patch, Set<String> files) {
    String from = patch.requireDetail(index, "from");
    Object to = patch.details().get("to");
    if (!(to instanceof String replacement)) {
      throw DteException.invalid("/patches/" + index + "/details/to: required for editString");
    }
    Map<String, String> narrowed = new LinkedHashMap<>();
    for (String file : files) {
      if (sources.containsKey(file) && sources.get(file).contains(from)) {
        narrowed.put(file, sources.get(file));
      }
    }
    List<SourceFile> parsed = parse(narrowed, "\"" + from + "\"");
    Recipe literals =
        JavaNodeRecipes.recipe(
            "Edit string literals",
            () ->
                new JavaIsoVisitor<>() {
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
                });
    return run(literals, parsed);
  }

  /** The files that mention {@code token}: a cheap prefilter before parsing. */
  private Map<String, String> mentioning(String token) {
    if (token == null) {
      return sources;
    }
    Map<String, String> hits = new LinkedHashMap<>();
    sources.forEach((path, content) -> {
      if (content.contains(token)) {
        hits.put(path, content);
      }
    });
    // Types are attributed across the whole scope, so the parse always includes every source.
    return hits.isEmpty() ? Map.of() : sources;
  }

  /**
   * Parses the sources and proves each one prints back unchanged. Files that do not round-trip
   * and mention {@code token} refuse the change; the others are reported and left alone.
   */
  private List<SourceFile> parse(Map<String, String> inputs, String token) {
    if (inputs.isEmpty()) {
      return List.of();
    }
    List<SourceFile> parsed = ParseCache.lookup(inputs);
    if (parsed == null) {
      List<Parser.Input> list = new ArrayList<>();
      inputs.forEach((path, content) -> list.add(Parser.Input.fromString(Path.of(path), content)));
      List<String> failures = new ArrayList<>();
      ExecutionContext ctx = new InMemoryExecutionContext(e -> failures.add(e.getMessage()));
      JavaParser parser = JavaParser.fromJavaVersion().logCompilationWarningsAndErrors(false).build();
      long started = System.nanoTime();
      parsed = parser.parseInputs(list, null, ctx).toList();
      long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
      progress.accept(String.format(java.util.Locale.ROOT, "parsed %d Java file(s) in %.1f s (%.0f files/s)",
          parsed.size(), millis / 1000.0, parsed.size() * 1000.0 / millis));
      ParseCache.store(inputs, parsed);
    } else {
      progress.accept("reused the parse of " + parsed.size() + " unchanged Java file(s) (DTE_CACHE_ENABLED)");
    }
    List<String> blocking = new ArrayList<>();
    List<SourceFile> usable = new ArrayList<>();
    // The round-trip check is per file, so it runs on the DTE workers.
    List<String> problems = Workers.map(parsed, source -> roundTripProblem(source, inputs));
    for (int i = 0; i < parsed.size(); i++) {
      SourceFile source = parsed.get(i);
      String path = source.getSourcePath().toString().replace('\\', '/');
      String original = inputs.get(path);
      String problem = problems.get(i);
      if (problem == null) {
        usable.add(source);
      } else if (token != null && token.isEmpty()) {
        blocking.add(path + ": " + problem + ", and the recipe may change any file");
      } else if (token != null && original != null && original.contains(token)) {
        blocking.add(path + ": " + problem + ", and it mentions " + token);
      } else {
        warnings.add(path + ": " + problem + "; left unchanged (it does not mention " + token + ")");
      }
    }
    // Edits follow the project's own style (import layout, indentation), detected from its sources.
    if (!usable.isEmpty()) {
      org.openrewrite.java.style.Autodetect.Detector detector = org.openrewrite.java.style.Autodetect.detector();
      usable.forEach(detector::sample);
      org.openrewrite.java.style.Autodetect style = detector.build();
      usable.replaceAll(source -> source.withMarkers(source.getMarkers().add(style)));
    }
    if (!blocking.isEmpty()) {
      List<String> reasons = new ArrayList<>();
      reasons.add("refused: " + blocking.size() + " file(s) the change needs cannot be edited safely; nothing was changed");
      reasons.addAll(blocking);
      throw DteException.refused(reasons);
    }
    return usable;
  }

  /** Why a parsed file cannot be edited safely, or null when it prints back exactly. */
  private static String roundTripProblem(SourceFile source, Map<String, String> inputs) {
    String original = inputs.get(source.getSourcePath().toString().replace('\\', '/'));
    if (source instanceof ParseError) {
      return source.getMarkers().findFirst(ParseExceptionResult.class)
          .map(r -> "does not parse: " + firstLine(r.getMessage()))
          .orElse("does not parse");
    }
    if (!source.printAll().equals(original)) {
      return "does not print back byte for byte";
    }
    return erroneous(source);
  }

  /** Syntax the parser could only keep as an error node, e.g. {@code int x = ;}. */
  private static String erroneous(SourceFile source) {
    java.util.concurrent.atomic.AtomicReference<String> found = new java.util.concurrent.atomic.AtomicReference<>();
    new JavaIsoVisitor<Integer>() {
      @Override
      public J.Erroneous visitErroneous(J.Erroneous erroneous, Integer unused) {
        found.compareAndSet(null, "has a syntax error near '" + firstLine(erroneous.printTrimmed(getCursor())) + "'");
        return erroneous;
      }
    }.visit(source, 0);
    return found.get();
  }

  private Edit run(Recipe recipe, List<SourceFile> parsed) {
    Map<String, String> contents = new LinkedHashMap<>();
    Map<String, String> moves = new LinkedHashMap<>();
    if (parsed.isEmpty()) {
      return new Edit(contents, moves);
    }
    List<String> failures = new ArrayList<>();
    ExecutionContext ctx = new InMemoryExecutionContext(e -> failures.add(e.getMessage()));
    List<Result> results =
        recipe.run(new InMemoryLargeSourceSet(parsed), ctx).getChangeset().getAllResults();
    if (!failures.isEmpty()) {
      throw DteException.refused(List.of("the " + recipe.getDisplayName() + " edit failed: " + failures.get(0)));
    }
    for (Result result : results) {
      if (result.getBefore() == null || result.getAfter() == null) {
        continue;
      }
      String before = result.getBefore().getSourcePath().toString().replace('\\', '/');
      String after = result.getAfter().getSourcePath().toString().replace('\\', '/');
      contents.put(after, result.getAfter().printAll());
      if (!before.equals(after)) {
        moves.put(before, after);
      }
    }
    return new Edit(contents, moves);
  }

  /** Declarations named {@code name} anywhere in the sources (for {@code symbolExists}). */
  List<Target> declarationsNamed(String name) {
    return declarations(parse(mentioning(name), null), name);
  }

  /**
   * Where a selector matches, as {@code path: what} lines (for {@code semanticRule}): calls for
   * {@code MethodCall}/{@code CallExpression}, declarations for the other kinds.
   */
  List<String> matches(Selector selector, String pointer) {
    List<String> found = new ArrayList<>();
    if (selector.kind().equals("MethodCall") || selector.kind().equals("CallExpression")) {
      CallPattern pattern = CallPattern.of(selector, pointer);
      for (SourceFile source : parse(mentioning(pattern.methodName()), null)) {
        for (Target call : calls(List.of(source), pattern)) {
          found.add(source.getSourcePath().toString().replace('\\', '/') + ": call of " + call.describe());
        }
      }
      return found;
    }
    String name = selectorName(selector);
    if (name == null) {
      throw DteException.invalid(pointer + ": " + selector.kind() + " needs [name='…'] or [fqn='…']");
    }
    for (SourceFile source : parse(mentioning(name), null)) {
      for (Target target : declarations(List.of(source), name)) {
        boolean typeMatches = selector.attribute("type") == null || selector.attribute("type").equals(target.type());
        boolean fqnMatches = selector.attribute("fqn") == null || selector.attribute("fqn").equals(target.type());
        if (typeMatches && fqnMatches) {
          found.add(source.getSourcePath().toString().replace('\\', '/') + ": " + target.describe());
        }
      }
    }
    return found;
  }

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

  private static String selectorName(Selector selector) {
    String name = selector.attribute("name");
    if (name == null && selector.attribute("fqn") != null) {
      String fqn = selector.attribute("fqn");
      name = fqn.substring(fqn.lastIndexOf('.') + 1);
    }
    return name;
  }

  private static Target resolve(Selector selector, List<SourceFile> parsed, String pointer) {
    String name = selectorName(selector);
    switch (selector.kind()) {
      case "Type" -> {
        requireAttribute(selector, "fqn", pointer);
        return only(declarations(parsed, name).stream().filter(t -> t.kind().equals("type") && t.type().equals(selector.attribute("fqn"))).toList(), selector, pointer);
      }
      case "Method", "Field" -> {
        requireAttribute(selector, "type", pointer);
        requireAttribute(selector, "name", pointer);
        String kind = selector.kind().equals("Method") ? "method" : "field";
        return only(declarations(parsed, name).stream().filter(t -> t.kind().equals(kind) && t.type().equals(selector.attribute("type"))).toList(), selector, pointer);
      }
      case "Identifier" -> {
        requireAttribute(selector, "name", pointer);
        return only(declarations(parsed, name), selector, pointer);
      }
      default -> throw DteException.invalid(
          pointer + "/selector: renameSymbol takes Identifier[name=…], Type[fqn=…], Method[type=…][name=…]"
              + " or Field[type=…][name=…], got " + selector.kind());
    }
  }

  private static Target only(List<Target> candidates, Selector selector, String pointer) {
    Set<String> distinct = new TreeSet<>();
    candidates.forEach(c -> distinct.add(c.describe()));
    if (distinct.isEmpty()) {
      throw DteException.invalid(pointer + "/selector: no declaration matches " + selector.kind() + selector.attributes() + " in scope");
    }
    if (distinct.size() > 1) {
      throw DteException.invalid(
          pointer + "/selector: ambiguous, it matches " + distinct
              + "; name one with Type[fqn='…'], Method[type='…'][name='…'] or Field[type='…'][name='…']");
    }
    return candidates.get(0);
  }

  private static List<Target> declarations(List<SourceFile> parsed, String name) {
    List<Target> found = new ArrayList<>();
    JavaIsoVisitor<List<Target>> visitor =
        new JavaIsoVisitor<>() {
          @Override
          public J.ClassDeclaration visitClassDeclaration(J.ClassDeclaration type, List<Target> out) {
            if (type.getSimpleName().equals(name) && type.getType() != null) {
              out.add(new Target("type", type.getType().getFullyQualifiedName(), null));
            }
            return super.visitClassDeclaration(type, out);
          }

          @Override
          public J.MethodDeclaration visitMethodDeclaration(J.MethodDeclaration method, List<Target> out) {
            if (method.getSimpleName().equals(name)
                && !method.isConstructor()
                && method.getMethodType() != null) {
              out.add(new Target("method", method.getMethodType().getDeclaringType().getFullyQualifiedName(), name));
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

  /** Which calls a replaceAPI or semanticRule selector names. */
  record CallPattern(String objectName, String methodName, String typeName) {
    static CallPattern of(Selector selector, String pointer) {
      return switch (selector.kind()) {
        case "CallExpression" -> {
          requireAttribute(selector, "callee.property.name", pointer);
          yield new CallPattern(selector.attribute("callee.object.name"), selector.attribute("callee.property.name"), null);
        }
        case "MethodCall" -> {
          requireAttribute(selector, "type", pointer);
          requireAttribute(selector, "name", pointer);
          yield new CallPattern(null, selector.attribute("name"), selector.attribute("type"));
        }
        default -> throw DteException.invalid(
            pointer + ": calls are selected by MethodCall[type=…][name=…] or"
                + " CallExpression[callee.object.name=…][callee.property.name=…], got " + selector.kind());
      };
    }
  }

  private static Target resolveCall(Selector selector, List<SourceFile> parsed, String pointer) {
    return only(calls(parsed, CallPattern.of(selector, pointer + "/selector")), selector, pointer);
  }

  private static List<Target> calls(List<SourceFile> parsed, CallPattern pattern) {
    List<Target> found = new ArrayList<>();
    JavaIsoVisitor<List<Target>> visitor =
        new JavaIsoVisitor<>() {
          @Override
          public J.MethodInvocation visitMethodInvocation(J.MethodInvocation call, List<Target> out) {
            JavaType.Method type = call.getMethodType();
            if (call.getSimpleName().equals(pattern.methodName()) && type != null) {
              String declaring = type.getDeclaringType().getFullyQualifiedName();
              boolean objectMatches =
                  pattern.objectName() == null
                      || (call.getSelect() instanceof J.Identifier id && id.getSimpleName().equals(pattern.objectName()));
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

  private static void requireAttribute(Selector selector, String attribute, String pointer) {
    if (selector.attribute(attribute) == null || selector.attribute(attribute).isBlank()) {
      throw DteException.invalid(pointer + "/selector: " + selector.kind() + " needs [" + attribute + "='…']");
    }
  }

  private static void requireIdentifier(String name, String pointer) {
    if (!name.matches("[A-Za-z_$][\\w$]*")) {
      throw DteException.invalid(pointer + ": not a Java identifier: '" + name + "'");
    }
  }

  private static String renamedType(String fqn, String newName) {
    int dot = fqn.lastIndexOf('.');
    return dot < 0 ? newName : fqn.substring(0, dot + 1) + newName;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unknown reason";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
