package dev.keywarden.cli;

import dev.keywarden.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks where a command will write before it does any work, so a long run never ends in a failed
 * write.
 */
final class OutputPaths {
  private OutputPaths() {}

  /**
   * Refuses a destination folder that cannot be one: an existing file, or a path under a file or a
   * folder that cannot be written.
   */
  static void requireFolder(String flag, Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InvalidInputException(
          flag
              + " "
              + dir
              + " is an existing file, not a folder; name a folder (it is created"
              + " when missing) or remove the file");
    }
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw new InvalidInputException(
          flag + " " + dir + " is under " + existing + ", which is a file, not a folder");
    }
    if (existing != null && !Files.isWritable(existing)) {
      throw new InvalidInputException(flag + " " + dir + ": " + existing + " cannot be written to");
    }
  }
}
