package dev.keywarden.emulator;

import java.nio.file.Path;

/**
 * A JVM that starts a server, prints the server's pid and then waits to be killed; used to prove
 * the server does not outlive a JVM that dies without running its shutdown hooks.
 */
public final class OwnerProcess {
  private OwnerProcess() {}

  public static void main(String[] args) throws InterruptedException {
    MotoServer server = MotoServer.builder().installDir(Path.of(args[0])).build();
    server.start();
    System.out.println("pid=" + server.process().pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
