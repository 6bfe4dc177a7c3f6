package dev.atomic.dte.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.Recipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.search.UsesMethod;
import org.openrewrite.java.search.UsesType;

class RecipeBoundsTest {

  private final RecipeCatalog catalog = new RecipeCatalog();

  @Test
  void aRefasterRecipeIsBoundedByTheMethodItsPreconditionUses() {
    Recipe recipe =
        catalog.load(
            "org.openrewrite.java.migrate.guava.NoGuavaRefasterRecipes"
                + "$PreconditionsCheckNotNullToObjectsRequireNonNullRecipe",
            Map.of(),
            "/patches/0/details");

    assertThat(RecipeBounds.names(recipe)).containsExactly("checkNotNull");
  }

  @Test
  void anOrOfMethodsIsBoundedByEachNameAndATypeCheckOrNegationIsNot() {
    assertThat(
            RecipeBounds.names(
                guarded(
                    Preconditions.or(
                        new UsesMethod<>("com.acme.A first(..)"),
                        new UsesMethod<>("com.acme.B <constructor>(..)")))))
        .containsExactly("B", "first");
    assertThat(
            RecipeBounds.names(
                guarded(
                    Preconditions.or(
                        new UsesMethod<>("com.acme.A first(..)"),
                        new UsesType<>("com.acme.B", false)))))
        .isNull();
    assertThat(RecipeBounds.names(guarded(new UsesType<>("com.acme.B", false)))).isNull();
    assertThat(
            RecipeBounds.names(
                guarded(Preconditions.not(new UsesMethod<>("com.acme.A first(..)")))))
        .isNull();
    assertThat(RecipeBounds.names(guarded(new UsesMethod<>("com.acme.A fir*(..)")))).isNull();
  }

  @Test
  void aRecipeWithoutAPreconditionMayChangeAnyFile() {
    Recipe recipe =
        catalog.load(
            "org.openrewrite.java.ChangeMethodName",
            Map.of("methodPattern", "com.acme.A first(..)", "newMethodName", "second"),
            "/patches/0/details");

    assertThat(RecipeBounds.names(recipe)).isNull();
  }

  @Test
  void methodNamesComeFromThePattern() {
    assertThat(RecipeBounds.methodName("com.acme.A first(..)")).isEqualTo("first");
    assertThat(RecipeBounds.methodName("com.acme.Outer$Inner <constructor>()")).isEqualTo("Inner");
    assertThat(RecipeBounds.methodName("com.acme.A *(..)")).isNull();
    assertThat(RecipeBounds.methodName("first(..)")).isNull();
  }

  private static Recipe guarded(TreeVisitor<?, ExecutionContext> check) {
    return new Recipe() {
      @Override
      public String getDisplayName() {
        return "guarded";
      }

      @Override
      public String getDescription() {
        return "A recipe guarded by a precondition.";
      }

      @Override
      public TreeVisitor<?, ExecutionContext> getVisitor() {
        return Preconditions.check(check, new JavaIsoVisitor<>());
      }
    };
  }
}
