package dev.atomic.dte.java;

import java.util.HashSet;
import java.util.Set;
import org.openrewrite.Cursor;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;
import org.openrewrite.java.tree.Statement;
import org.openrewrite.java.tree.TypeUtils;

/**
 * Whether a call can be written unqualified, with a static import of its method, and still mean the
 * same method, and leave every other call of the file meaning what it did. Where the types needed
 * to tell are unknown, the answer is no.
 */
final class StaticImports {

  private StaticImports() {}

  /**
   * True when no static import of another type brings a method called {@code name} into the file:
   * one by that name would clash, and one on demand would be shadowed by the new import.
   */
  static boolean fits(J.CompilationUnit unit, JavaType.FullyQualified target, String name) {
    for (J.Import anImport : unit.getImports()) {
      if (!anImport.isStatic()) {
        continue;
      }
      String member = anImport.getQualid().getSimpleName();
      JavaType.FullyQualified owner =
          TypeUtils.asFullyQualified(anImport.getQualid().getTarget().getType());
      String ownerName = owner != null ? owner.getFullyQualifiedName() : anImport.getTypeName();
      if (ownerName.equals(target.getFullyQualifiedName())) {
        continue;
      }
      if (member.equals(name)) {
        return false;
      }
      if (member.equals("*") && (owner == null || declares(owner, name, new HashSet<>()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when a class enclosing the cursor declares or inherits a method called {@code name}, which
   * an unqualified call there would resolve to instead of the imported one.
   */
  static boolean shadowed(Cursor cursor, String name) {
    for (Cursor at = cursor; at != null; at = at.getParent()) {
      Object value = at.getValue();
      if (value instanceof J.ClassDeclaration type) {
        if (declaresInBody(type.getBody(), name)
            || declares(type.getType(), name, new HashSet<>())) {
          return true;
        }
      } else if (value instanceof J.NewClass created && created.getBody() != null) {
        if (declaresInBody(created.getBody(), name)
            || declares(TypeUtils.asFullyQualified(created.getType()), name, new HashSet<>())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean declaresInBody(J.Block body, String name) {
    for (Statement statement : body.getStatements()) {
      if (statement instanceof J.MethodDeclaration method && method.getSimpleName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type} or a supertype has a method called {@code name}; unknown types do. */
  private static boolean declares(JavaType.FullyQualified type, String name, Set<String> seen) {
    if (type == null || type instanceof JavaType.Unknown) {
      return true;
    }
    if (!seen.add(type.getFullyQualifiedName())) {
      return false;
    }
    for (JavaType.Method method : type.getMethods()) {
      if (method.getName().equals(name)) {
        return true;
      }
    }
    if (type.getSupertype() != null && declares(type.getSupertype(), name, seen)) {
      return true;
    }
    for (JavaType.FullyQualified implemented : type.getInterfaces()) {
      if (declares(implemented, name, seen)) {
        return true;
      }
    }
    return false;
  }
}
