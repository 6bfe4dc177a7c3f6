package dev.atomic.dte.java;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Signature stubs of Java sources: each file as javac's parser reads it, with the bodies of its
 * methods, constructors and initializer blocks emptied (a constructor keeps its explicit {@code
 * this(…)}/{@code super(…)} call, a method with a result throws). Declarations, field initializers
 * (so constants keep their values), annotations and nested types stay, so that files typed against
 * the stubs get exactly the types they would get against the full sources, at a fraction of the
 * cost: javac only parses the stubs, it never attributes the bodies.
 */
final class SignatureStubs {

  /**
   * The stubs, by path; the files javac's parser cannot read (left out, with the reason); where
   * each stub goes in a source tree; and the stubs that declare a top-level type not named after
   * their file, which javac cannot find by that type's name.
   */
  record Result(
      Map<String, String> stubs,
      Map<String, String> unparsable,
      Map<String, String> packagePaths,
      java.util.Set<String> misnamed) {

    /** Whether javac finds every stub's types by their names, reading only those it needs. */
    boolean findableByName() {
      return misnamed.isEmpty();
    }
  }

  private SignatureStubs() {}

  static Result of(Map<String, String> sources) {
    Map<String, String> stubs = new TreeMap<>();
    Map<String, String> unparsable = new TreeMap<>();
    Map<String, String> packagePaths = new TreeMap<>();
    java.util.Set<String> misnamed = new java.util.TreeSet<>();
    if (sources.isEmpty()) {
      return new Result(stubs, unparsable, packagePaths, misnamed);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(
          "signature stubs need a JDK (no Java compiler in this runtime)");
    }
    Map<URI, String> pathOf = new LinkedHashMap<>();
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach(
        (path, content) -> {
          Source file = new Source(path, content);
          pathOf.put(file.toUri(), path);
          files.add(file);
        });
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavacTask task =
        (JavacTask) javac.getTask(null, null, diagnostics, List.of("-proc:none"), null, files);
    Iterable<? extends CompilationUnitTree> units;
    try {
      units = task.parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
        unparsable.putIfAbsent(
            pathOf.get(d.getSource().toUri()),
            "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
    }
    SourcePositions positions = Trees.instance(task).getSourcePositions();
    for (CompilationUnitTree unit : units) {
      String path = pathOf.get(unit.getSourceFile().toUri());
      if (path == null || unparsable.containsKey(path)) {
        continue;
      }
      stubs.put(path, stub(sources.get(path), unit, positions));
      String fileName = path.substring(path.lastIndexOf('/') + 1);
      String typeName =
          fileName.endsWith(".java")
              ? fileName.substring(0, fileName.length() - ".java".length())
              : fileName;
      for (Tree type : unit.getTypeDecls()) {
        if (type instanceof com.sun.source.tree.ClassTree declared
            && !declared.getSimpleName().contentEquals(typeName)) {
          misnamed.add(path);
        }
      }
      packagePaths.put(
          path,
          unit.getPackageName() == null
              ? fileName
              : unit.getPackageName().toString().replace('.', '/') + "/" + fileName);
    }
    return new Result(stubs, unparsable, packagePaths, misnamed);
  }

  /**
   * Compiles the stubs that {@code roots} need to class files under {@code output}, against {@code
   * classpath}, keeping parameter names: the stubs of {@code roots} are compiled, and the others
   * only as far as javac reaches them from there (they are its source path). When that fails (a
   * file declaring a second top-level type that javac cannot find by its name, say), every stub is
   * compiled.
   *
   * @return null when they compiled, else javac's first error
   */
  static String compile(
      Result stubs, java.util.Set<String> roots, List<Path> classpath, Path output)
      throws IOException {
    Path sourcePath = write(stubs, output);
    Path classes = output.resolve("classes");
    Files.createDirectories(classes);
    List<Path> needed = new ArrayList<>();
    stubs
        .stubs()
        .keySet()
        .forEach(
            path -> {
              if (roots.contains(path)) {
                needed.add(sourcePath.resolve(stubs.packagePaths().get(path)).normalize());
              }
            });
    String lazily = javac(needed, sourcePath, classpath, classes);
    if (lazily == null) {
      return null;
    }
    List<Path> every = new ArrayList<>();
    stubs
        .stubs()
        .keySet()
        .forEach(path -> every.add(sourcePath.resolve(stubs.packagePaths().get(path)).normalize()));
    return javac(every, null, classpath, classes);
  }

  /**
   * Writes the stubs under {@code output/sources}, each at its package's path, so that javac finds
   * a type's stub by its name.
   *
   * @return the directory they are in
   */
  static Path write(Result stubs, Path output) throws IOException {
    Path sourcePath = output.resolve("sources");
    for (Map.Entry<String, String> stub : stubs.stubs().entrySet()) {
      Path file = sourcePath.resolve(stubs.packagePaths().get(stub.getKey())).normalize();
      if (!file.startsWith(sourcePath)) {
        continue;
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, stub.getValue());
    }
    return sourcePath;
  }

  /** The directory the classes of {@link #compile} are in. */
  static Path classesOf(Path output) {
    return output.resolve("classes");
  }

  private static String javac(List<Path> files, Path sourcePath, List<Path> classpath, Path classes)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> entries = new ArrayList<>(List.of(classes.toString()));
    classpath.forEach(entry -> entries.add(entry.toString()));
    List<String> options =
        new ArrayList<>(
            List.of(
                "-d",
                classes.toString(),
                "-cp",
                String.join(java.io.File.pathSeparator, entries),
                "-proc:none",
                "-nowarn",
                "-parameters",
                "-g:none",
                "-Xlint:none",
                "-encoding",
                "UTF-8"));
    if (sourcePath != null) {
      options.addAll(List.of("-sourcepath", sourcePath.toString(), "-implicit:class"));
    } else {
      options.addAll(List.of("-implicit:none"));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (javax.tools.StandardJavaFileManager manager =
        javac.getStandardFileManager(
            diagnostics, Locale.ROOT, java.nio.charset.StandardCharsets.UTF_8)) {
      boolean ok =
          files.isEmpty()
              || javac
                  .getTask(
                      null,
                      manager,
                      diagnostics,
                      options,
                      null,
                      manager.getJavaFileObjectsFromPaths(files))
                  .call();
      if (ok) {
        return null;
      }
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .findFirst()
        .map(
            d ->
                (d.getSource() == null
                        ? ""
                        : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                    + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
        .orElse("javac failed");
  }

  /** The source with every outermost body replaced; offsets are applied from the end. */
  private static String stub(String content, CompilationUnitTree unit, SourcePositions positions) {
    List<Cut> cuts = new ArrayList<>();
    java.util.Deque<Tree.Kind> enclosing = new java.util.ArrayDeque<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree method, Void unused) {
        BlockTree body = method.getBody();
        boolean recordConstructor =
            method.getReturnType() == null && enclosing.peek() == Tree.Kind.RECORD;
        if (body != null && !recordConstructor) {
          long start = positions.getStartPosition(unit, body);
          long end = positions.getEndPosition(unit, body);
          if (start >= 0 && end > start) {
            cuts.add(
                new Cut(
                    (int) start, (int) end, replacement(content, method, body, unit, positions)));
          }
        }
        // Parameters, annotations and the return type keep their text; nothing inside a body is
        // visited.
        return null;
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree type, Void unused) {
        for (Tree member : type.getMembers()) {
          // A final field that a (now empty) constructor or initializer assigned would not
          // compile; without an initializer it is no constant, so dropping final changes no type.
          if (member instanceof com.sun.source.tree.VariableTree field
              && field.getInitializer() == null
              && field.getModifiers().getFlags().contains(Modifier.FINAL)
              && type.getKind() != Tree.Kind.INTERFACE
              && type.getKind() != Tree.Kind.RECORD) {
            long start = positions.getStartPosition(unit, field.getModifiers());
            long end = positions.getEndPosition(unit, field.getModifiers());
            if (start >= 0 && end > start) {
              String modifiers = content.substring((int) start, (int) end);
              cuts.add(new Cut((int) start, (int) end, modifiers.replaceFirst("\\bfinal\\b", "")));
            }
          }
          if (member instanceof BlockTree initializer) {
            long start = positions.getStartPosition(unit, initializer);
            long end = positions.getEndPosition(unit, initializer);
            if (start >= 0 && end > start) {
              cuts.add(new Cut((int) start, (int) end, "{}"));
            }
          }
        }
        enclosing.push(type.getKind());
        try {
          return super.visitClass(type, unused);
        } finally {
          enclosing.pop();
        }
      }

      @Override
      public Void visitBlock(BlockTree block, Void unused) {
        return null; // initializer blocks are cut in visitClass; lambda bodies in initializers stay
      }
    }.scan(unit, null);
    cuts.sort((a, b) -> Integer.compare(b.start(), a.start()));
    StringBuilder text = new StringBuilder(content);
    for (Cut cut : cuts) {
      text.replace(cut.start(), cut.end(), cut.text());
    }
    return withoutComments(text);
  }

  /**
   * The text with its comments (Javadoc included) blanked out: they carry no types, and reading
   * them is a large part of what a parse costs. String, character and text-block literals are kept
   * as they are.
   */
  static String withoutComments(CharSequence source) {
    String text = source.toString();
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      char next = i + 1 < n ? text.charAt(i + 1) : 0;
      if (c == '/' && next == '/') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && next == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (c == '"' && next == '"' && i + 2 < n && text.charAt(i + 2) == '"') {
        int end = text.indexOf("\"\"\"", i + 3);
        while (end > 0 && text.charAt(end - 1) == '\\') {
          end = text.indexOf("\"\"\"", end + 1);
        }
        int stop = end < 0 ? n : end + 3;
        out.append(text, i, stop);
        i = stop;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && text.charAt(j) != c && text.charAt(j) != '\n') {
          j += text.charAt(j) == '\\' ? 2 : 1;
        }
        int stop = Math.min(n, j + 1);
        out.append(text, i, stop);
        i = stop;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** A body to replace: its character range and what stands in for it. */
  private record Cut(int start, int end, String text) {}

  private static String replacement(
      String content,
      MethodTree method,
      BlockTree body,
      CompilationUnitTree unit,
      SourcePositions positions) {
    boolean constructor = method.getReturnType() == null;
    if (constructor) {
      List<? extends StatementTree> statements = body.getStatements();
      if (!statements.isEmpty() && isExplicitConstructorCall(statements.get(0))) {
        StatementTree first = statements.get(0);
        long start = positions.getStartPosition(unit, first);
        long end = positions.getEndPosition(unit, first);
        if (start >= 0 && end > start) {
          return "{ " + content.substring((int) start, (int) end) + " }";
        }
      }
      return "{}";
    }
    if (method.getModifiers().getFlags().contains(Modifier.NATIVE)) {
      return "{}";
    }
    boolean isVoid =
        method.getReturnType().getKind() == Tree.Kind.PRIMITIVE_TYPE
            && method.getReturnType().toString().equals("void");
    return isVoid ? "{}" : "{ throw null; }";
  }

  private static boolean isExplicitConstructorCall(StatementTree statement) {
    if (statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call) {
      String callee = call.getMethodSelect().toString();
      return callee.equals("this") || callee.equals("super") || callee.endsWith(".super");
    }
    return false;
  }

  /** A source held in memory, named by its path. */
  private static final class Source extends SimpleJavaFileObject {
    private final String content;

    Source(String path, String content) {
      super(URI.create("string:///" + path.replace(' ', '_')), Kind.SOURCE);
      this.content = content;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return content;
    }
  }
}
