package dev.atomic.finops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.EvidenceEventRepository;
import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.gateway.Kind;
import dev.atomic.gateway.RedactionEngine;
import dev.atomic.gateway.RuleSamples;
import dev.atomic.gateway.SecretRedactor;
import dev.atomic.platform.Database;
import dev.atomic.testing.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Budget and alert events pass the evidence redactor as every other event does. */
class FinOpsRedactionTest {

  private static final TestDatabase DATABASE = TestDatabase.h2();

  @AfterAll
  static void close() throws Exception {
    DATABASE.close();
  }

  @Test
  void everySecretSampleInBudgetEventDataIsRedactedBareAndByName() throws Exception {
    Database database = new Database(DATABASE.dataSource());
    BudgetEvidence evidence = new BudgetEvidence(SecretRedactor.builtIn());
    RedactionEngine engine = new RedactionEngine();
    List<String> secrets = new ArrayList<>();
    Map<String, Object> data = new LinkedHashMap<>();
    RuleSamples.all()
        .forEach(
            (rule, text) ->
                engine.scan(text).redactions().stream()
                    .filter(r -> r.kind() == Kind.SECRET)
                    .map(r -> text.substring(r.start(), r.end()))
                    .forEach(
                        value -> {
                          secrets.add(value);
                          data.put(rule + "_line", text);
                          data.put(rule.toUpperCase(Locale.ROOT), value);
                        }));
    BudgetScope scope = BudgetScope.parse("team:payments");

    database.inTransaction(
        c -> evidence.append(c, scope, FinOpsEvents.BUDGET_SET, "2026-12-06T10:00:00Z", data));

    List<ChainedEvent> chain =
        database.read(
            c -> new EvidenceEventRepository(EvidenceRedactor.none()).chain(c, scope.stream()));
    String stored = chain.get(0).data().toString();
    assertThat(secrets).hasSizeGreaterThan(50);
    assertThat(secrets).allSatisfy(secret -> assertThat(stored).doesNotContain(secret));
    assertThat(chain.get(0).hash()).isEqualTo(chain.get(0).computeHash());
  }
}
