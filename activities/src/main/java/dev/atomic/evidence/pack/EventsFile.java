package dev.atomic.evidence.pack;

import dev.atomic.evidence.ChainedEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code events.jsonl}: one event per line, each the canonical JSON of the whole event ({@link
 * ChainedEvent#toJsonLine()}), in chain order, every line ending with a line feed.
 */
public final class EventsFile {

  private EventsFile() {}

  public static byte[] write(List<ChainedEvent> events) {
    StringBuilder lines = new StringBuilder();
    for (ChainedEvent event : events) {
      lines.append(event.toJsonLine()).append('\n');
    }
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads the events; any JSON layout of each line is accepted, the hashes are what count.
   *
   * @throws IllegalArgumentException naming the line that cannot be read
   */
  static List<ChainedEvent> parse(byte[] jsonl) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(jsonl))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("events.jsonl is not UTF-8");
    }
    String[] lines = text.split("\n", -1);
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    List<ChainedEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank()) {
        throw new IllegalArgumentException("events.jsonl line " + (i + 1) + " is empty");
      }
      try {
        events.add(ChainedEvent.fromJson(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "events.jsonl line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return events;
  }
}
