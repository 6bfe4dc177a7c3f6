package dev.atomic.dte.verify;

import dev.atomic.dte.DteException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command into an argument vector the way a user writes it (spaces, single and double
 * quotes), without a shell: no expansion, no pipes, no substitution ever happens.
 */
final class Arguments {

  private Arguments() {}

  static List<String> split(String command, String pointer) {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean inArg = false;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inArg = true;
      } else if (Character.isWhitespace(c)) {
        if (inArg) {
          args.add(current.toString());
          current.setLength(0);
          inArg = false;
        }
      } else {
        current.append(c);
        inArg = true;
      }
    }
    if (quote != 0) {
      throw DteException.invalid(pointer + ": unbalanced quote in command");
    }
    if (inArg) {
      args.add(current.toString());
    }
    if (args.isEmpty()) {
      throw DteException.invalid(pointer + ": empty command");
    }
    return args;
  }
}
