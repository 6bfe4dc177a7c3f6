package dev.atomic.finops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts against the values OpenAI's tiktoken cookbook publishes for its encodings. */
class TokenCounterTest {

  private static final PriceTable PRICES = PriceTable.shipped();
  private static final ModelPrice GPT_41 = PRICES.price("openai", "gpt-4.1");
  private static final ModelPrice GPT_4_TURBO = PRICES.price("openai", "gpt-4-turbo");
  private static final ModelPrice CLAUDE = PRICES.price("anthropic", "claude-sonnet-4");

  private final TokenCounter counter = new TokenCounter();

  @Test
  void countsWithTheEncodingOfTheModelFamily() {
    assertThat(GPT_41.tokenizer()).isEqualTo("o200k_base");
    assertThat(GPT_4_TURBO.tokenizer()).isEqualTo("cl100k_base");

    assertThat(counter.count("tiktoken is great!", GPT_41)).isEqualTo(6);
    assertThat(counter.count("tiktoken is great!", GPT_4_TURBO)).isEqualTo(6);
    assertThat(counter.count("hello world", GPT_41)).isEqualTo(2);
    assertThat(counter.count("antidisestablishmentarianism", GPT_4_TURBO)).isEqualTo(6);
    assertThat(counter.count("2 + 2 = 4", GPT_41)).isEqualTo(7);
    // The encodings differ where the text is not English.
    assertThat(counter.count("お誕生日おめでとう", GPT_4_TURBO)).isEqualTo(9);
    assertThat(counter.count("お誕生日おめでとう", GPT_41)).isEqualTo(8);
  }

  @Test
  void specialTokenTextCountsAsOrdinaryText() {
    assertThat(counter.count("<|endoftext|>", GPT_4_TURBO)).isGreaterThan(1);
  }

  @Test
  void modelsWithoutAPublicTokenizerGetALabelledEstimate() {
    assertThat(CLAUDE.exactTokens()).isFalse();
    assertThat(counter.count("tiktoken is great!", CLAUDE)).isEqualTo(6);

    ModelPrice calibrated =
        new ModelPrice(
            "anthropic",
            "claude-sonnet-4",
            CLAUDE.inputUsdPerMillion(),
            CLAUDE.outputUsdPerMillion(),
            200_000,
            1000,
            Tokenizers.ESTIMATE,
            new BigDecimal("1.2"),
            false);
    assertThat(counter.count("tiktoken is great!", calibrated)).isEqualTo(8); // ceil(6 x 1.2)
  }

  @Test
  void aFileIsCountedOnceUntilItChanges(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("A.java");
    Files.writeString(file, "hello world");
    assertThat(counter.countFile(file, GPT_41)).isEqualTo(2);

    Files.writeString(file, "tiktoken is great!");
    Files.setLastModifiedTime(
        file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));

    assertThat(counter.countFile(file, GPT_41)).isEqualTo(6);
  }

  @Test
  void malformedUtf8IsCountedNotRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bin.dat");
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 'a', 'b'});

    assertThat(counter.countFile(file, GPT_41)).isPositive();
  }
}
