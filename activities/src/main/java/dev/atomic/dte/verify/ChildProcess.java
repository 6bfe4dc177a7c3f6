package dev.atomic.dte.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A tool run as an argument vector (never through a shell) in a directory, with its output in a log
 * file and a deadline after which it and its children are killed.
 *
 * @param exitCode the exit code; absent when the deadline passed
 */
record ChildProcess(Integer exitCode, Path log) {

  static ChildProcess run(List<String> argv, Path directory, Duration timeout)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("atomic-" + Path.of(argv.get(0)).getFileName(), ".log");
    Process process =
        new ProcessBuilder(argv)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        return new ChildProcess(null, log);
      }
      return new ChildProcess(process.exitValue(), log);
    } catch (InterruptedException e) {
      kill(process);
      throw e;
    }
  }

  boolean timedOut() {
    return exitCode == null;
  }

  /** The last lines of the output, for an error message. */
  String tail(int lines) {
    try {
      List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", output.subList(Math.max(0, output.size() - lines), output.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
