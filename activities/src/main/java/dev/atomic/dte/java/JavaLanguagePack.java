package dev.atomic.dte.java;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteException;
import dev.atomic.dte.Selector;
import dev.atomic.dte.Workers;
import dev.atomic.dte.java.classpath.ProjectClasspath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.openrewrite.SourceFile;

/**
 * The Java language pack: type-attributed, format-preserving edits through OpenRewrite, one class
 * per operation. Sources are typed against their module's classpath. Before anything is changed,
 * every file must print back byte for byte; a file that does not (or does not parse) and mentions
 * what the change touches makes the whole change refused, never applied to the other files only.
 */
public final class JavaLanguagePack {

  /** What one patch changes: new contents by path, and moves old path → new path. */
  public record Edit(Map<String, String> contents, Map<String, String> moves) {}

  /** A declaration found by name: kind {@code type}, {@code method} or {@code field}. */
  public record Declaration(String kind, String type, String member) {
    /** {@code type a.B} or {@code method a.B#c}. */
    public String describe() {
      return member == null ? kind + " " + type : kind + " " + type + "#" + member;
    }
  }

  private final JavaSources java;
  private final RecipeCatalog recipes;

  /**
   * @param sources Java sources by relative path; updated in place as patches apply
   * @param warnings where notes for the preview go
   * @param candidatesOnly parse only the files a change can touch, the rest as signature stubs
   *     (false: {@code DTE_PARSE=full}, every file in full)
   * @param carry the trees a recipe patch leaves for the next, one per plan
   */
  public JavaLanguagePack(
      Map<String, String> sources,
      List<String> warnings,
      Consumer<String> progress,
      ProjectClasspath classpath,
      ParseCache cache,
      Workers workers,
      RecipeCatalog recipes,
      boolean candidatesOnly,
      StubCache stubCache,
      RecipeTrees carry) {
    this.java =
        new JavaSources(
            sources,
            warnings,
            progress,
            classpath,
            cache,
            workers,
            candidatesOnly,
            stubCache,
            carry);
    this.recipes = recipes;
  }

  /** A pack for lookups only (invariants): no classpath, no cache, one thread. */
  public static JavaLanguagePack forLookups(Map<String, String> sources) {
    return new JavaLanguagePack(
        sources,
        new ArrayList<>(),
        message -> {},
        ProjectClasspath.NONE,
        new ParseCache(false),
        new Workers(1),
        new RecipeCatalog(),
        true,
        new StubCache(),
        new RecipeTrees());
  }

  /**
   * Loads and initializes the Java parser on a background thread, so that a short run (the CLI)
   * overlaps that start-up with reading the scope and resolving the classpath.
   */
  public static void warmUp() {
    Thread thread =
        new Thread(
            () -> {
              try {
                org.openrewrite.java.JavaParser.fromJavaVersion()
                    .build()
                    .parse(
                        new org.openrewrite.InMemoryExecutionContext(e -> {}),
                        "class AtomicWarmUp { String s = \"\"; }")
                    .forEach(source -> {});
                SignatureStubs.of(
                    Map.of("AtomicWarmUp.java", "class AtomicWarmUp { void m() { } }"));
              } catch (RuntimeException | LinkageError e) {
                // only a head start; the real parse reports any problem
              }
            },
            "atomic-java-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Imported types that neither the tree, its classpath nor the JDK declare, over every parse so
   * far.
   */
  public Set<String> unresolvedTypes() {
    return java.unresolved();
  }

  public Edit renameSymbol(int index, ChangeSpec.Patch patch) {
    return RenameSymbol.apply(java, index, patch);
  }

  public Edit replaceApi(int index, ChangeSpec.Patch patch) {
    return ReplaceApi.apply(java, index, patch);
  }

  public Edit moveModule(int index, ChangeSpec.Patch patch) {
    return MoveModule.apply(java, index, patch);
  }

  public Edit deleteNode(int index, ChangeSpec.Patch patch, Set<String> files) {
    return DeleteNode.apply(java, index, patch, files);
  }

  public Edit insertNode(int index, ChangeSpec.Patch patch, Set<String> files) {
    return InsertNode.apply(java, index, patch, files);
  }

  public Edit editString(int index, ChangeSpec.Patch patch, Set<String> files) {
    return EditString.apply(java, index, patch, files);
  }

  public Edit recipe(int index, ChangeSpec.Patch patch) {
    return RunRecipe.apply(java, recipes, index, patch);
  }

  /** Declarations named {@code name} anywhere in the sources (for {@code symbolExists}). */
  public List<Declaration> declarationsNamed(String name) {
    return Targets.declarations(java.parse(java.mentioning(name), null), name).stream()
        .map(t -> new Declaration(t.kind(), t.type(), t.member()))
        .toList();
  }

  /**
   * Where a selector matches, as {@code path: what} lines (for {@code semanticRule}): calls for
   * {@code MethodCall}/{@code CallExpression}, declarations for the other kinds.
   */
  public List<String> matches(Selector selector, String pointer) {
    List<String> found = new ArrayList<>();
    if (selector.kind().equals("MethodCall") || selector.kind().equals("CallExpression")) {
      Targets.CallPattern pattern = Targets.CallPattern.of(selector, pointer);
      for (SourceFile source : java.parse(java.mentioning(pattern.methodName()), null)) {
        for (Targets.Target call : Targets.calls(List.of(source), pattern)) {
          found.add(JavaSources.pathOf(source) + ": call of " + call.describe());
        }
      }
      return found;
    }
    String name = Targets.selectorName(selector);
    if (name == null) {
      throw DteException.invalid(
          pointer + ": " + selector.kind() + " needs [name='…'] or [fqn='…']");
    }
    for (SourceFile source : java.parse(java.mentioning(name), null)) {
      for (Targets.Target target : Targets.declarations(List.of(source), name)) {
        boolean typeMatches =
            selector.attribute("type") == null || selector.attribute("type").equals(target.type());
        boolean fqnMatches =
            selector.attribute("fqn") == null || selector.attribute("fqn").equals(target.type());
        if (typeMatches && fqnMatches) {
          found.add(JavaSources.pathOf(source) + ": " + target.describe());
        }
      }
    }
    return found;
  }
}
