package dev.atomic.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Shared parsing for enums whose JSON form is their lower-case name. */
public final class WireEnum {

  private WireEnum() {}

  /** The JSON form of a constant: {@code AWAITING_APPROVAL} becomes {@code awaiting_approval}. */
  public static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the JSON form, case-insensitively.
   *
   * @throws IllegalArgumentException naming the field and listing the allowed values
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
    if (text != null) {
      for (E constant : type.getEnumConstants()) {
        if (wire(constant).equalsIgnoreCase(text.trim())) {
          return constant;
        }
      }
    }
    throw new IllegalArgumentException(
        "'" + field + "' must be one of " + allowed(type) + ", got '" + text + "'");
  }

  /** The allowed JSON values, in declaration order, e.g. {@code [low, medium, high]}. */
  public static String allowed(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(WireEnum::wire)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
