package dev.atomic.cli.dev;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One {@code atomic dev} per Atomic home. The operating system releases the lock when the process
 * dies, so a crash never leaves a stale lock behind.
 */
final class DevLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;
  private final Path info;

  private DevLock(FileChannel channel, FileLock lock, Path info) {
    this.channel = channel;
    this.lock = lock;
    this.info = info;
  }

  /** The lock, or empty with {@link #holder} telling who has it. */
  static Optional<DevLock> acquire(Path home) throws IOException {
    Files.createDirectories(home);
    FileChannel channel =
        FileChannel.open(
            home.resolve("dev.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    return Optional.of(new DevLock(channel, lock, home.resolve("dev.info")));
  }

  /** What the running instance wrote about itself, or a generic note. */
  static String holder(Path home) {
    try {
      return Files.readString(home.resolve("dev.info"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "another process holds " + home.resolve("dev.lock");
    }
  }

  void describe(String text) throws IOException {
    Files.writeString(info, text + System.lineSeparator(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(info);
    lock.release();
    channel.close();
  }
}
