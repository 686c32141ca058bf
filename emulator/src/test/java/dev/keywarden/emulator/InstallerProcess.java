package dev.keywarden.emulator;

import java.nio.file.Path;

/** A JVM that installs into a folder with a given interpreter, to race another JVM doing so. */
public final class InstallerProcess {
  private InstallerProcess() {}

  public static void main(String[] args) {
    MotoServer.builder()
        .installDir(Path.of(args[0]))
        .python(Path.of(args[1]))
        .motoVersion(args[2])
        .build()
        .ensureInstalled();
  }
}
