package dev.atomic.api.security;

import dev.atomic.identity.ApiKeys;
import dev.atomic.identity.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * With {@code ATOMIC_BOOTSTRAP_KEY_FILE} set and no admin key active, creates one and writes it to
 * that file (readable by its owner only), so that a fresh installation can create its other keys.
 * {@code atomic dev --auth} uses it for {@code .atomic/api-key}, which the CLI reads.
 */
@Component
class BootstrapKey implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BootstrapKey.class);

  private final ApiKeys keys;
  private final SecuritySettings settings;

  BootstrapKey(ApiKeys keys, SecuritySettings settings) {
    this.keys = keys;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) throws SQLException, IOException {
    if (settings.bootstrapKeyFile() == null || settings.bootstrapKeyFile().isBlank()) {
      return;
    }
    Path file = Path.of(settings.bootstrapKeyFile()).toAbsolutePath();
    if (Files.isRegularFile(file)
        && keys.check(Files.readString(file).strip()) instanceof ApiKeys.Valid) {
      log.info("Admin API key in {} (the CLI reads it from there)", file);
      return;
    }
    if (keys.hasActiveAdmin()) {
      log.warn(
          "{} holds no valid API key, and an admin key exists already: create keys with it"
              + " (atomic admin create-key), or revoke it to have a new one written here",
          file);
      return;
    }
    ApiKeys.Created created = keys.create("bootstrap-admin", Set.of(Role.ADMIN), null, "atomic");
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), ".api-key", ".tmp");
    try {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system; the directory's permissions apply
    }
    Files.writeString(temporary, created.secret() + "\n");
    Files.move(
        temporary,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    log.info("Wrote a new admin API key ({}) to {}", created.key().id(), file);
  }
}
