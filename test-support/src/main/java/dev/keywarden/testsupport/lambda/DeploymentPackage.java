package dev.keywarden.testsupport.lambda;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A function's deployment jar in the layout Lambda loads, packed so that it uploads small: the
 * shaded jar goes in as {@code lib/<function>.jar} with its entries stored uncompressed, and that
 * one entry is deflated at the highest level.
 *
 * <p>Why: deflating each of a shaded jar's ~12,000 classes on its own cannot use what they share
 * (the SDK's model classes repeat the same names, signatures and code), and each entry costs a
 * header with its name twice; one compression stream over all of them, with classes alike in shape
 * next to each other, is about half the size. Lambda unpacks the deployment jar into its task root
 * and its runtime client loads classes from that directory and from every {@code lib/*.jar} in it,
 * so the function loads the same classes as from a flat jar, from one stored file instead of
 * thousands of extracted ones. Timestamps are fixed, so the same input gives the same bytes.
 *
 * <p>Run by each function's build after the shade plugin: {@code DeploymentPackage <shaded jar>
 * <deployment jar> <timestamp>}, the timestamp as {@code project.build.outputTimestamp} gives it.
 */
public final class DeploymentPackage {
  /** Where Lambda's runtime client looks for libraries, inside the task root. */
  public static final String LIB = "lib/";

  /**
   * The largest deployment jar a function may have, in bytes; the functions' jar tests assert it.
   */
  public static final long MAX_BYTES = 15_000_000L;

  /** The last capitalised word of a class name. */
  private static final Pattern LAST_WORD = Pattern.compile("[A-Z][a-z0-9]*$");

  private DeploymentPackage() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: DeploymentPackage <shaded jar> <deployment jar> <timestamp, ISO-8601 or seconds since 1970>; got "
              + args.length
              + " argument(s)");
    }
    Path deployment = Path.of(args[1]);
    pack(Path.of(args[0]), deployment, timestamp(args[2]));
  }

  /** Writes the deployment jar for a shaded jar, its entries in {@link #orderKey} order. */
  public static void pack(Path shaded, Path deployment, Instant timestamp) throws IOException {
    LocalDateTime time = LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC);
    String libName = LIB + libraryName(deployment);
    Path stored =
        Files.createTempFile(deployment.toAbsolutePath().getParent(), ".deployment-", ".jar");
    try {
      writeStored(shaded, stored, time);
      try (ZipOutputStream out =
          new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(deployment)))) {
        out.setLevel(Deflater.BEST_COMPRESSION);
        ZipEntry lib = new ZipEntry(libName);
        lib.setMethod(ZipEntry.DEFLATED);
        lib.setTimeLocal(time);
        out.putNextEntry(lib);
        Files.copy(stored, out);
        out.closeEntry();
      }
    } finally {
      Files.deleteIfExists(stored);
    }
  }

  /** The name the library jar has inside the deployment jar: the deployment jar's own. */
  static String libraryName(Path deployment) {
    return deployment.getFileName().toString();
  }

  private static void writeStored(Path shaded, Path target, LocalDateTime time) throws IOException {
    try (ZipFile in = new ZipFile(shaded.toFile());
        ZipOutputStream out =
            new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target)))) {
      List<ZipEntry> entries =
          in.stream()
              .sorted(Comparator.comparing(DeploymentPackage::orderKey))
              .map(ZipEntry.class::cast)
              .toList();
      for (ZipEntry source : entries) {
        byte[] bytes;
        try (InputStream data = in.getInputStream(source)) {
          bytes = data.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ZipEntry entry = new ZipEntry(source.getName());
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(time);
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
      }
    }
  }

  /**
   * Where an entry goes in the library jar: the manifest first (as jar readers expect), then by
   * folder, and within a folder by file type and by the last word of the class name ({@code
   * Request}, {@code Response}, {@code Marshaller}...), so that classes alike in shape, which
   * compress best together, sit within deflate's 32 KB window of each other. It makes the
   * deployment jar about 8 % smaller than alphabetical order does; class loading looks entries up
   * by name, so order changes nothing else.
   */
  static String orderKey(ZipEntry entry) {
    String name = entry.getName();
    if (name.equals("META-INF/") || name.equals("META-INF/MANIFEST.MF")) {
      return "0" + name;
    }
    int slash = name.lastIndexOf('/', name.length() - 2);
    String folder = name.substring(0, slash + 1);
    String file = name.substring(slash + 1);
    int dot = file.lastIndexOf('.');
    String type = dot < 0 ? "" : file.substring(dot + 1);
    String stem = dot < 0 ? file : file.substring(0, dot);
    int dollar = stem.indexOf('$');
    String outer = dollar < 0 ? stem : stem.substring(0, dollar);
    String nested = dollar < 0 ? "" : stem.substring(dollar);
    Matcher words = LAST_WORD.matcher(outer);
    String kind = words.find() ? words.group() : outer;
    return String.join("\0", "1", folder, type, kind, nested, name);
  }

  /**
   * The names inside the library jar of a deployment jar, in order, for tests of what a function
   * carries.
   *
   * @throws IllegalStateException when the deployment jar is not in this layout
   */
  public static List<String> entries(Path deployment) {
    Path lib = extractLibrary(deployment);
    try (ZipFile zip = new ZipFile(lib.toFile())) {
      List<String> names = new ArrayList<>();
      zip.stream().forEach(e -> names.add(e.getName()));
      return List.copyOf(names);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + lib, e);
    } finally {
      deleteQuietly(lib);
    }
  }

  /** One file of the library jar inside a deployment jar; empty bytes when it has no such entry. */
  public static byte[] read(Path deployment, String name) {
    Path lib = extractLibrary(deployment);
    try (ZipFile zip = new ZipFile(lib.toFile())) {
      ZipEntry entry = zip.getEntry(name);
      if (entry == null) {
        return new byte[0];
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " in " + lib, e);
    } finally {
      deleteQuietly(lib);
    }
  }

  /**
   * Unpacks a deployment jar into a task root, as Lambda unpacks it into {@code /var/task}: every
   * entry becomes a file under {@code taskRoot}.
   *
   * @throws IllegalStateException when an entry would land outside the task root
   */
  public static void extract(Path deployment, Path taskRoot) {
    Path root = taskRoot.toAbsolutePath().normalize();
    try (ZipFile zip = new ZipFile(deployment.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IllegalStateException(
              "entry " + entry.getName() + " of " + deployment + " points outside the task root");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(entry);
            OutputStream out = Files.newOutputStream(target)) {
          in.transferTo(out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + deployment + " into " + root, e);
    }
  }

  /** The library jar of a deployment jar, unpacked into a temporary file the caller deletes. */
  private static Path extractLibrary(Path deployment) {
    String name = LIB + libraryName(deployment);
    try (ZipFile zip = new ZipFile(deployment.toFile())) {
      ZipEntry entry = zip.getEntry(name);
      if (entry == null) {
        throw new IllegalStateException(
            deployment + " has no " + name + ": build it with mvn package");
      }
      Path lib = Files.createTempFile("keywarden-lib-", ".jar");
      try (InputStream in = zip.getInputStream(entry)) {
        Files.copy(in, lib, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return lib;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + deployment, e);
    }
  }

  private static Instant timestamp(String value) {
    return value.matches("\\d+")
        ? Instant.ofEpochSecond(Long.parseLong(value))
        : Instant.parse(value);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temporary file; the system cleans its temporary folder.
    }
  }
}
