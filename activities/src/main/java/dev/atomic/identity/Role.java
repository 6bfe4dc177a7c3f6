package dev.atomic.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.atomic.platform.WireEnum;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a caller may do. {@code admin} holds every other role too; separation of duties compares
 * identities, never roles, so an admin still cannot approve a high-risk plan it requested.
 */
public enum Role {
  /** Starts missions, attaches ChangeSpecs, runs DTE jobs, calls the gateway, reserves budget. */
  REQUESTER,
  /** Approves and rejects checkpoints. */
  APPROVER,
  /** Reads evidence and downloads audit packs. */
  AUDITOR,
  /** Rolls batches back, sets budgets and model policies, reads operational endpoints. */
  OPERATOR,
  /** Manages API keys; holds every role. */
  ADMIN;

  @JsonValue
  public String wire() {
    return WireEnum.wire(this);
  }

  @JsonCreator
  public static Role parse(String text) {
    return WireEnum.parse(Role.class, "role", text);
  }

  /** Parses a comma-separated list ({@code requester,approver}); empty entries are refused. */
  public static Set<Role> parseList(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "'roles' must name at least one of " + WireEnum.allowed(Role.class));
    }
    Set<Role> roles = new LinkedHashSet<>();
    for (String part : text.split(",", -1)) {
      roles.add(parse(part));
    }
    return roles;
  }

  /** The roles {@code granted} amounts to: every role for an admin. */
  public static Set<Role> effective(Set<Role> granted) {
    return granted.contains(ADMIN) ? EnumSet.allOf(Role.class) : EnumSet.copyOf(granted);
  }

  /** {@code requester,approver}. */
  public static String list(Set<Role> roles) {
    return String.join(",", roles.stream().map(Role::wire).toList());
  }
}
