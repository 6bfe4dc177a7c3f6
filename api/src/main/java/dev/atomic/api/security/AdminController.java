package dev.atomic.api.security;

import dev.atomic.api.web.ApiException;
import dev.atomic.api.web.JsonBodies;
import dev.atomic.identity.ApiKey;
import dev.atomic.identity.ApiKeys;
import dev.atomic.identity.Role;
import dev.atomic.platform.WireEnum;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** API keys, for admins: created (the key shown once), listed, revoked. */
@RestController
class AdminController {

  private static final Set<String> CREATE_FIELDS = Set.of("name", "roles", "expiresInDays");
  private static final String CREATE_SHAPE =
      "{\"name\": \"ci-bot\", \"roles\": [\"requester\"], \"expiresInDays\": 90}";

  private final ApiKeys keys;

  AdminController(ApiKeys keys) {
    this.keys = keys;
  }

  @PostMapping("/admin/keys")
  ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body)
      throws SQLException {
    JsonBodies.object(body, CREATE_FIELDS, CREATE_SHAPE);
    String name = JsonBodies.requiredText(body, "name");
    JsonNode rolesNode = body.get("roles");
    if (rolesNode == null || !rolesNode.isArray() || rolesNode.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "'roles' must be a non-empty array of roles",
          "roles: " + WireEnum.allowed(Role.class));
    }
    Set<Role> roles = new LinkedHashSet<>();
    for (JsonNode role : rolesNode) {
      if (!role.isString()) {
        throw new ApiException(HttpStatus.BAD_REQUEST, "'roles' must hold strings");
      }
      try {
        roles.add(Role.parse(role.asString()));
      } catch (IllegalArgumentException e) {
        throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
      }
    }
    Duration validFor = null;
    JsonNode days = body.get("expiresInDays");
    if (days != null && !days.isNull()) {
      if (!days.isIntegralNumber() || days.asLong() < 1 || days.asLong() > 3650) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST, "'expiresInDays' must be a whole number from 1 to 3650");
      }
      validFor = Duration.ofDays(days.asLong());
    }
    ApiKeys.Created created;
    try {
      created = keys.create(name, roles, validFor, Caller.current().name());
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    Map<String, Object> answer = new LinkedHashMap<>(describe(created.key()));
    answer.put("key", created.secret());
    answer.put("note", "the key is shown only now; store it in a secret manager");
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Location", "/admin/keys/" + created.key().id())
        .header("Cache-Control", "no-store")
        .body(answer);
  }

  @GetMapping("/admin/keys")
  List<Map<String, Object>> list() throws SQLException {
    return keys.list().stream().map(AdminController::describe).toList();
  }

  @DeleteMapping("/admin/keys/{id}")
  Map<String, Object> revoke(@PathVariable String id) throws SQLException {
    return keys.revoke(id)
        .map(AdminController::describe)
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "No API key " + id));
  }

  private static Map<String, Object> describe(ApiKey key) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", key.id());
    out.put("name", key.name());
    out.put("roles", key.roles().stream().map(Role::wire).sorted().toList());
    out.put("createdBy", key.createdBy());
    out.put("createdAt", key.createdAt().toString());
    out.put("expiresAt", key.expiresAt() == null ? null : key.expiresAt().toString());
    out.put("revokedAt", key.revokedAt() == null ? null : key.revokedAt().toString());
    return out;
  }
}
