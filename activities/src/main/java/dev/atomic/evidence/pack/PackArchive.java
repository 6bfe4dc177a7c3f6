package dev.atomic.evidence.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP form of a pack. Writing is deterministic: entries sorted by name, one fixed timestamp, no
 * extra fields, so the same files give the same bytes on the same Java runtime. Reading is
 * defensive: entry names must be plain relative paths, and the entry count and total size are
 * capped whatever the archive declares.
 */
final class PackArchive {

  /** Every entry's modification time: the earliest a ZIP can express, local time fields only. */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private PackArchive() {}

  /**
   * @param level the deflate level, 0 (entries stored uncompressed) to 9 (smallest)
   */
  static byte[] write(Map<String, byte[]> files, int level) {
    SortedMap<String, byte[]> sorted = new TreeMap<>(files);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setMethod(ZipOutputStream.DEFLATED);
      zip.setLevel(level);
      for (Map.Entry<String, byte[]> file : sorted.entrySet()) {
        String problem = nameProblem(file.getKey());
        if (problem != null) {
          throw new IllegalArgumentException(problem);
        }
        ZipEntry entry = new ZipEntry(file.getKey());
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The files of a pack held in memory; see {@link #read(Path, int, long)}. The bytes pass through
   * a temporary file so that the JDK reads the central directory, as unzip tools do.
   */
  static SortedMap<String, byte[]> read(byte[] pack, int maxEntries, long maxTotalBytes)
      throws PackFormatException {
    Path temporary = null;
    try {
      temporary = Files.createTempFile("atomic-pack-", ".zip");
      Files.write(temporary, pack);
      return read(temporary, maxEntries, maxTotalBytes);
    } catch (IOException e) {
      throw new PackFormatException("cannot stage the pack for reading: " + e.getMessage(), e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // A leftover temporary file is harmless; the verification result stands.
        }
      }
    }
  }

  /**
   * The files of a pack, by name. Directory entries are checked and skipped.
   *
   * @throws PackFormatException for an unreadable archive, an unsafe or duplicate entry name, more
   *     than {@code maxEntries} entries, or more than {@code maxTotalBytes} uncompressed
   */
  static SortedMap<String, byte[]> read(Path pack, int maxEntries, long maxTotalBytes)
      throws PackFormatException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    try (ZipFile zip = new ZipFile(pack.toFile())) {
      if (zip.size() > maxEntries) {
        throw new PackFormatException(
            "the archive has " + zip.size() + " entries, more than the limit of " + maxEntries);
      }
      long total = 0;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        boolean directory = name.endsWith("/");
        String problem = nameProblem(directory ? name.substring(0, name.length() - 1) : name);
        if (problem != null) {
          throw new PackFormatException(problem);
        }
        if (directory) {
          continue;
        }
        if (files.containsKey(name)) {
          throw new PackFormatException("entry " + quoted(name) + " appears more than once");
        }
        byte[] content = readCapped(zip, entry, maxTotalBytes - total);
        if (content == null) {
          throw new PackFormatException(
              "the archive holds more than the limit of " + maxTotalBytes + " bytes uncompressed");
        }
        total += content.length;
        files.put(name, content);
      }
    } catch (ZipException e) {
      throw new PackFormatException("not a readable ZIP archive (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new PackFormatException("cannot read the archive: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new PackFormatException("the archive holds no files");
    }
    return files;
  }

  /**
   * Why {@code name} is not a safe entry name, or {@code null}: it must be a relative path with
   * forward slashes, without empty, {@code .} or {@code ..} segments, backslashes, drive letters or
   * control characters.
   */
  static String nameProblem(String name) {
    if (name == null || name.isEmpty()) {
      return "an entry has an empty name";
    }
    if (name.length() > 255) {
      return "entry name longer than 255 characters: " + quoted(name.substring(0, 40) + "…");
    }
    if (name.startsWith("/")) {
      return "entry " + quoted(name) + " is an absolute path";
    }
    if (name.indexOf('\\') >= 0) {
      return "entry " + quoted(name) + " contains a backslash";
    }
    if (name.indexOf(':') >= 0) {
      return "entry " + quoted(name) + " contains a colon (drive letter or stream)";
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        return "entry " + quoted(name) + " contains a control character";
      }
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals("..")) {
        return "entry " + quoted(name) + " climbs out of the pack (..)";
      }
      if (segment.isEmpty() || segment.equals(".")) {
        return "entry " + quoted(name) + " has an empty or '.' path segment";
      }
    }
    return null;
  }

  /** The entry's bytes, or {@code null} when they exceed {@code budget}. */
  private static byte[] readCapped(ZipFile zip, ZipEntry entry, long budget) throws IOException {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long read = 0;
    try (InputStream in = zip.getInputStream(entry)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        read += n;
        if (read > budget) {
          return null;
        }
        content.write(buffer, 0, n);
      }
    }
    return content.toByteArray();
  }

  private static String quoted(String name) {
    return "\"" + name.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
