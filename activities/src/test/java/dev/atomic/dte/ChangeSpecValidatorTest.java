package dev.atomic.dte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChangeSpecValidatorTest {

  @Test
  void parsesTheExampleSpec() {
    ChangeSpec spec = DemoRepo.cs001();

    assertThat(spec.id()).isEqualTo("CS-001");
    assertThat(spec.patches()).hasSize(2);
    assertThat(spec.patches().get(1).details()).containsKey("argsMap");
    assertThat(spec.tests().mutationThreshold()).isEqualTo(0.6);
  }

  @Test
  void namesEveryViolationByJsonPointerAndRule() {
    String json =
        """
        {"id": "change-1", "intent": "x", "scope": [], "language": "java",
         "patches": [{"astOp": "rename", "selector": "Identifier[name='A']"}, {"selector": "x"}],
         "risk": "extreme", "colour": "blue"}
        """;

    assertThatThrownBy(() -> ChangeSpecValidator.parse(json))
        .isInstanceOfSatisfying(
            DteException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DteException.Kind.INVALID);
              assertThat(e.reasons())
                  .contains(
                      "/id: must match ^CS-[0-9]+$",
                      "/scope: must have at least 1 item(s)",
                      "/patches/0/astOp: must be one of [renameSymbol, replaceAPI, moveModule, insertNode, deleteNode, editString, editRegex, recipe]",
                      "/patches/1: missing required property 'astOp'",
                      "/risk: must be one of [low, medium, high]",
                      "/: unknown property 'colour'");
            });
  }

  @Test
  void malformedJsonSaysWhere() {
    assertThatThrownBy(() -> ChangeSpecValidator.parse("{\"id\": \"CS-1\",,}"))
        .hasMessageStartingWith("not valid JSON at line 1, column");
    assertThatThrownBy(() -> ChangeSpecValidator.parse("[1, 2]"))
        .hasMessage("/: a ChangeSpec must be a JSON object");
  }

  @Test
  void missingRequiredFieldsAreListed() {
    assertThatThrownBy(() -> ChangeSpecValidator.parse("{}"))
        .isInstanceOfSatisfying(
            DteException.class,
            e ->
                assertThat(e.reasons())
                    .contains(
                        "/: missing required property 'id'",
                        "/: missing required property 'intent'",
                        "/: missing required property 'scope'",
                        "/: missing required property 'language'"));
  }

  @Test
  void convertsJsonPathsToPointers() {
    assertThat(ChangeSpecValidator.pointer("$.patches[0].astOp")).isEqualTo("/patches/0/astOp");
    assertThat(ChangeSpecValidator.pointer("$")).isEqualTo("/");
    assertThat(ChangeSpecValidator.pointer("$['a/b']")).isEqualTo("/a~1b");
  }
}
