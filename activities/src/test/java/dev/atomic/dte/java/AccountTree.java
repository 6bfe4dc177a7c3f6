package dev.atomic.dte.java;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteEngine;
import dev.atomic.dte.DtePreview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before/after tests of one operation on a small tree: an account, a bank and two string helpers,
 * written fresh for each run.
 */
abstract class AccountTree {

  static final DteEngine ENGINE = DteEngine.fromEnvironment();

  static final String STRINGS =
      """
      package com.acme.util;

      public final class Strings {
        public static boolean isBlank(String s) {
          return s == null || s.isBlank();
        }
      }
      """;

  static final String TEXTS =
      """
      package com.acme.text;

      public final class Texts {
        public static boolean isBlank(String s) {
          return s == null || s.trim().isEmpty();
        }
      }
      """;

  static final String ACCOUNT =
      """
      package com.acme;

      import com.acme.util.Strings;
      import java.util.List;

      public class Account {
        @Deprecated
        private String owner;
        private int balance;

        public Account(String owner) {
          this.owner = owner;
        }

        public void transfer(String to, int amount) {
          balance -= amount;
        }

        public boolean anonymous() {
          audit("check");
          return Strings.isBlank(owner);
        }

        void audit(String what) {
        }
      }
      """;

  static final String BANK =
      """
      package com.acme;

      public class Bank {
        public void pay(Account from) {
          from.transfer("bob", 10);
        }
      }
      """;

  @TempDir Path dir;

  static ChangeSpec.Patch patch(String op, String selector, Map<String, Object> details) {
    return new ChangeSpec.Patch(null, op, selector, details);
  }

  /** Applies the patch to a fresh tree; Account.java and Bank.java afterwards. */
  Map<String, String> run(ChangeSpec.Patch patch) throws IOException {
    Path root = write();
    ENGINE.apply(spec(patch), root);
    Map<String, String> files = new LinkedHashMap<>();
    for (String path : List.of("src/com/acme/Account.java", "src/com/acme/Bank.java")) {
      files.put(path, Files.readString(root.resolve(path)));
    }
    return files;
  }

  DtePreview preview(ChangeSpec.Patch patch) throws IOException {
    return ENGINE.preview(spec(patch), write());
  }

  /** The preview of the patch on a tree where it was applied already. */
  DtePreview previewAfterApplying(ChangeSpec.Patch patch) throws IOException {
    Path root = write();
    ENGINE.apply(spec(patch), root);
    return ENGINE.preview(spec(patch), root);
  }

  Path write() throws IOException {
    Path root = Files.createTempDirectory(dir, "tree");
    Map<String, String> files =
        Map.of(
            "src/com/acme/Account.java", ACCOUNT,
            "src/com/acme/Bank.java", BANK,
            "src/com/acme/util/Strings.java", STRINGS,
            "src/com/acme/text/Texts.java", TEXTS);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = root.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
    return root;
  }

  static ChangeSpec spec(ChangeSpec.Patch patch) {
    return new ChangeSpec(
        "CS-3",
        "test",
        List.of("src/**/*.java"),
        "java",
        null,
        List.of(patch),
        null,
        null,
        null,
        null);
  }
}
