package dev.keywarden.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads the last lines of a log so that error messages show why a child process failed. */
final class LogTail {
  private LogTail() {}

  /** The last {@code lines} lines of {@code log}, indented, or a note when there is nothing. */
  static String of(Path log, int lines) {
    List<String> all;
    try {
      // Lenient decoding: a child process may write anything.
      all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    } catch (NoSuchFileException e) {
      return "    (no output: " + log + " does not exist)";
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + log, e);
    }
    List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
    if (tail.isEmpty()) {
      return "    (no output)";
    }
    StringBuilder text = new StringBuilder();
    for (String line : tail) {
      if (text.length() > 0) {
        text.append(System.lineSeparator());
      }
      text.append("    ").append(line);
    }
    return text.toString();
  }
}
