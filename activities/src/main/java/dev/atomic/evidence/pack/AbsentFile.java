package dev.atomic.evidence.pack;

/**
 * A file the pack would normally hold but does not, and why (e.g. {@code mutation.json}: "mutation
 * testing was not run"). The manifest lists it, so an omission is never silent.
 */
public record AbsentFile(String name, String reason) {

  public AbsentFile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an absent file needs a name");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("absent file " + name + " needs a reason");
    }
  }
}
