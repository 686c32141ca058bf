package dev.keywarden.cli;

import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * What the commands that run on the local emulator (the demo and the benches) share: its client
 * settings, and for the benches one way to say what they ran on and to measure the heap.
 */
final class LocalEmulator {
  private LocalEmulator() {}

  /** Client settings for the emulator's endpoint, region and credentials. */
  static ClientSettings clientSettings(AwsEndpoint endpoint) {
    return ClientSettings.forEndpoint(
        endpoint.endpoint(), endpoint.region(), endpoint.accessKeyId(), endpoint.secretAccessKey());
  }

  /** Clients for the emulator, as the tests of these commands build them. */
  static AwsClientFactory clients(AwsEndpoint endpoint) {
    return AwsClientFactory.create(clientSettings(endpoint));
  }

  /** What a bench ran on: the moto version, the cores and the maximum heap. */
  static String machine(MotoServer emulator) {
    return String.format(
        Locale.ROOT,
        "(moto %s), %d cores, max heap %d MiB",
        emulator.motoVersion(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
  }

  /** Collects garbage and starts the heap's peak afresh, before a measured step. */
  static void resetPeakHeap() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The heap's peak since {@link #resetPeakHeap()}, in MiB. */
  static long peakHeapMiB() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum()
        >> 20;
  }
}
