package dev.atomic.dte.verify;

import dev.atomic.dte.DteException;
import dev.atomic.dte.DtePreview;
import dev.atomic.dte.Scope;
import dev.atomic.dte.git.GitBatches;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.Parser;
import org.openrewrite.SourceFile;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.JavaParser;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;

/** The public and protected API of Java sources, as comparable signatures. */
final class PublicApi {

  private PublicApi() {}

  /** Signatures such as {@code method com.acme.Auth#signIn(java.lang.String,java.lang.String)}. */
  static Set<String> of(Map<String, String> javaSources) {
    Set<String> api = new TreeSet<>();
    if (javaSources.isEmpty()) {
      return api;
    }
    List<Parser.Input> inputs = new ArrayList<>();
    javaSources.forEach(
        (path, content) -> inputs.add(Parser.Input.fromString(Path.of(path), content)));
    ExecutionContext ctx = new InMemoryExecutionContext(e -> {});
    List<SourceFile> parsed =
        JavaParser.fromJavaVersion()
            .logCompilationWarningsAndErrors(false)
            .build()
            .parseInputs(inputs, null, ctx)
            .toList();
    JavaIsoVisitor<Set<String>> visitor =
        new JavaIsoVisitor<>() {
          @Override
          public J.ClassDeclaration visitClassDeclaration(
              J.ClassDeclaration type, Set<String> out) {
            if (type.getType() != null && exposed(type.getModifiers(), true)) {
              out.add(
                  type.getKind().name().toLowerCase(java.util.Locale.ROOT)
                      + " "
                      + type.getType().getFullyQualifiedName());
            }
            return super.visitClassDeclaration(type, out);
          }

          @Override
          public J.MethodDeclaration visitMethodDeclaration(
              J.MethodDeclaration method, Set<String> out) {
            JavaType.Method type = method.getMethodType();
            J.ClassDeclaration owner = getCursor().firstEnclosing(J.ClassDeclaration.class);
            boolean interfaceMember =
                owner != null && owner.getKind() == J.ClassDeclaration.Kind.Type.Interface;
            if (type != null && (exposed(method.getModifiers(), false) || interfaceMember)) {
              List<String> parameters = new ArrayList<>();
              type.getParameterTypes().forEach(p -> parameters.add(String.valueOf(p)));
              out.add(
                  (method.isConstructor() ? "constructor " : "method ")
                      + type.getDeclaringType().getFullyQualifiedName()
                      + "#"
                      + method.getSimpleName()
                      + "("
                      + String.join(",", parameters)
                      + ")"
                      + (method.isConstructor() ? "" : " : " + type.getReturnType()));
            }
            return super.visitMethodDeclaration(method, out);
          }

          @Override
          public J.VariableDeclarations visitVariableDeclarations(
              J.VariableDeclarations declarations, Set<String> out) {
            if (exposed(declarations.getModifiers(), false)) {
              for (J.VariableDeclarations.NamedVariable variable : declarations.getVariables()) {
                JavaType.Variable type = variable.getVariableType();
                if (type != null && type.getOwner() instanceof JavaType.FullyQualified owner) {
                  out.add(
                      "field "
                          + owner.getFullyQualifiedName()
                          + "#"
                          + variable.getSimpleName()
                          + " : "
                          + type.getType());
                }
              }
            }
            return super.visitVariableDeclarations(declarations, out);
          }
        };
    parsed.forEach(source -> visitor.visit(source, api));
    return api;
  }

  private static boolean exposed(List<J.Modifier> modifiers, boolean type) {
    return modifiers.stream()
        .anyMatch(
            m -> m.getType() == J.Modifier.Type.Public || m.getType() == J.Modifier.Type.Protected);
  }

  /** The Java files in scope as they were at {@code ref} in the git repository at {@code root}. */
  static Map<String, String> at(Path root, String ref, List<String> scopePatterns)
      throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Git git = Git.open(root.toFile());
        RevWalk walk = new RevWalk(git.getRepository())) {
      Repository repo = git.getRepository();
      ObjectId id = repo.resolve(ref);
      if (id == null) {
        throw DteException.invalid("apiCompat: unknown git ref '" + ref + "'");
      }
      RevCommit commit = walk.parseCommit(id);
      try (TreeWalk tree = new TreeWalk(repo)) {
        tree.addTree(commit.getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          String path = tree.getPathString();
          if (path.endsWith(".java")
              && scopePatterns.stream()
                  .anyMatch(
                      p ->
                          Scope.matches(p, path)
                              || path.startsWith(p.endsWith("/") ? p : p + "/"))) {
            files.put(
                path,
                new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return files;
  }

  /** The commit a spec's batches started from, or HEAD when the spec was not applied in batches. */
  static String baseline(Path root, String specId) {
    List<DtePreview.Batch> batches = GitBatches.status(root, GitBatches.batchBranch(root, specId));
    return batches.isEmpty() ? "HEAD" : batches.get(0).commit() + "^";
  }
}
