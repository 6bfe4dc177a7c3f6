package dev.atomic.gateway.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.gateway.RedactionEngine;
import dev.atomic.gateway.RedactionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssignmentsTest {

  private static final String VALUE = "uhB6Ca8e" + "BtwS4LO2nf";

  private final RedactionEngine engine = new RedactionEngine();

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "DB_PASSWORD=@",
        "export API_TOKEN=\"@\"",
        "  password: \"@\"",
        "  client_secret: @",
        "{\"PASSWORD\": \"@\", \"HOST\": \"db\"}",
        "'api_key' => '@',",
        "token := \"@\"",
        "dataSource.setPassword(\"@\");",
        "props.put(\"db.password\", \"@\");",
        "<password>@</password>",
        "az storage blob list --account-name acme --password @",
        "curl https://api.acme.com/v1/users?api_key=@&page=2",
        "spring.datasource.password=@",
        "Server=db;User Id=app;Password=@;",
        "docker run -e POSTGRES_PASSWORD='@' postgres",
        "mysql -u etl_user -p'@' warehouse",
        "{\"auths\": {\"ghcr.io\": {\"auth\": \"@\"}}}",
        "private static final String API_KEY = \"@\";",
      })
  void redactsTheValueOfASecretNamedAssignment(String template) {
    String text = template.replace("@", VALUE);

    RedactionResult result = engine.scan(text);

    assertThat(result.redactions())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rule()).isEqualTo("generic_secret");
              assertThat(text.substring(r.start(), r.end())).isEqualTo(VALUE);
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "password_file=/run/secrets/db_pass_2024",
        "token_url=https://auth.acme.com/oauth/token",
        "password == \"" + "uhB6Ca8eBtwS4LO2nf" + "\"",
        "public_key: AAAAB3NzaC1yc2EAAAADAQABAAABAQ",
        "next_page_token: EhQKEgoQCICAgICAgIC3",
        "password: hunter2",
        "monkey = \"Kx8fT2qLm9Zp\"",
      })
  void leavesOtherAssignmentsAlone(String text) {
    assertThat(engine.scan(text).redactions()).as(text).isEmpty();
  }
}
