package dev.atomic.finops;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts tokens with OpenAI's byte-pair encodings (jtokkit): {@code o200k_base} for the GPT-4o and
 * GPT-4.1 families, {@code cl100k_base} for GPT-4 and GPT-3.5. Models without a public tokenizer
 * get {@code cl100k_base} counts times their estimate factor, labelled as estimates. File counts
 * are kept per path, size and modification time, so a tree is read once.
 */
public final class TokenCounter {

  /** Files larger than this are not read; their count is estimated as one token per 4 bytes. */
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private static final int MAX_CACHED = 200_000;

  private final Encoding o200k;
  private final Encoding cl100k;
  private final Map<FileKey, Integer> cache = new ConcurrentHashMap<>();

  private record FileKey(String path, long size, long modified, String encoding) {}

  public TokenCounter() {
    EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
    this.o200k = registry.getEncoding(EncodingType.O200K_BASE);
    this.cl100k = registry.getEncoding(EncodingType.CL100K_BASE);
  }

  /** Tokens of {@code text} for a model; special-token text counts as ordinary text. */
  public long count(String text, ModelPrice model) {
    Encoding encoding = encodingOf(model.tokenizer());
    return scale(encoding.countTokensOrdinary(text), model);
  }

  /** Tokens of a file's content (read as UTF-8, malformed bytes replaced) for a model. */
  public long countFile(Path file, ModelPrice model) {
    Encoding encoding = encodingOf(model.tokenizer());
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (attributes.size() > MAX_FILE_BYTES) {
        return scale((int) Math.min(Integer.MAX_VALUE, (attributes.size() + 3) / 4), model);
      }
      FileKey key =
          new FileKey(
              file.toString(),
              attributes.size(),
              attributes.lastModifiedTime().toMillis(),
              encoding.getName());
      Integer cached = cache.get(key);
      if (cached == null) {
        cached = encoding.countTokensOrdinary(read(file));
        if (cache.size() >= MAX_CACHED) {
          cache.clear();
        }
        cache.put(key, cached);
      }
      return scale(cached, model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private Encoding encodingOf(String tokenizer) {
    return Tokenizers.O200K.equals(tokenizer) ? o200k : cl100k;
  }

  private static long scale(int tokens, ModelPrice model) {
    if (model.exactTokens() || model.estimateFactor().compareTo(BigDecimal.ONE) == 0) {
      return tokens;
    }
    return model
        .estimateFactor()
        .multiply(BigDecimal.valueOf(tokens))
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }

  private static String read(Path file) throws IOException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
        .toString();
  }
}
