package dev.keywarden.checks;

import dev.keywarden.KeywardenException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Sorts more items than memory should hold: up to {@code held} at a time in memory, each full load
 * sorted and written to a temporary file, and the files merged when read. The sort is stable (items
 * that compare equal keep the order they were added in), as {@link List#sort} is, so that reading
 * gives exactly what sorting one list of every item would.
 *
 * <p>At most {@link #FAN_IN} files are open while reading: when as many have been written, they are
 * merged into one first. Nothing touches the disk while the items fit in memory.
 */
final class Spill<T> implements AutoCloseable {
  static final int FAN_IN = 32;
  private static final int BUFFER = 1 << 16;

  /** Writes and reads one item. */
  interface Codec<T> {
    void write(DataOutputStream out, T item) throws IOException;

    T read(DataInputStream in) throws IOException;
  }

  private final Comparator<T> order;
  private final Codec<T> codec;
  private final int capacity;
  private final List<T> held = new ArrayList<>();
  private final List<Run> runs = new ArrayList<>();
  private final List<Closeable> open = new ArrayList<>();
  private Path dir;
  private boolean sealed;
  private long size;

  /** One sorted file and how many items it holds. */
  private record Run(Path file, long count) {}

  Spill(Comparator<T> order, Codec<T> codec, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, not " + capacity);
    }
    this.order = order;
    this.codec = codec;
    this.capacity = capacity;
  }

  void add(T item) {
    if (sealed) {
      throw new IllegalStateException("the spill is being read; nothing more can be added");
    }
    held.add(item);
    size++;
    if (held.size() >= capacity) {
      held.sort(order);
      runs.add(write(held.iterator(), held.size()));
      held.clear();
      if (runs.size() >= FAN_IN) {
        Run merged =
            write(merge(List.copyOf(runs), List.of()), runs.stream().mapToLong(Run::count).sum());
        runs.forEach(run -> delete(run.file()));
        runs.clear();
        runs.add(merged);
      }
    }
  }

  /** How many items were added. */
  long size() {
    return size;
  }

  /** Whether any item had to go to disk. */
  boolean spilled() {
    return !runs.isEmpty();
  }

  /** Every item in order, from the start at each iteration; nothing may be added afterwards. */
  Iterable<T> sorted() {
    if (!sealed) {
      held.sort(order);
      sealed = true;
    }
    return () -> merge(runs, held);
  }

  private Iterator<T> merge(List<Run> files, List<T> memory) {
    List<Iterator<T>> sources = new ArrayList<>();
    for (Run run : files) {
      sources.add(read(run));
    }
    if (!memory.isEmpty()) {
      sources.add(memory.iterator());
    }
    if (sources.size() == 1) {
      return sources.get(0);
    }
    return new Merge(sources);
  }

  /** The heads of the sources, least first; the earlier source first among equals. */
  private final class Merge implements Iterator<T> {
    private record Head<T>(T item, int source) {}

    private final List<Iterator<T>> sources;
    private final PriorityQueue<Head<T>> heads;

    Merge(List<Iterator<T>> sources) {
      this.sources = sources;
      Comparator<Head<T>> byItem = Comparator.comparing(Head::item, order);
      this.heads = new PriorityQueue<>(byItem.thenComparingInt(Head::source));
      for (int i = 0; i < sources.size(); i++) {
        pull(i);
      }
    }

    private void pull(int source) {
      Iterator<T> it = sources.get(source);
      if (it.hasNext()) {
        heads.add(new Head<>(it.next(), source));
      }
    }

    @Override
    public boolean hasNext() {
      return !heads.isEmpty();
    }

    @Override
    public T next() {
      Head<T> head = heads.poll();
      if (head == null) {
        throw new NoSuchElementException();
      }
      pull(head.source());
      return head.item();
    }
  }

  private Run write(Iterator<T> items, long count) {
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("keywarden-findings-");
      }
      Path file = Files.createTempFile(dir, "run-", ".bin");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER))) {
        while (items.hasNext()) {
          codec.write(out, items.next());
        }
      }
      return new Run(file, count);
    } catch (IOException e) {
      throw failed("write", e);
    }
  }

  private Iterator<T> read(Run run) {
    DataInputStream in;
    try {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run.file()), BUFFER));
    } catch (IOException e) {
      throw failed("read", e);
    }
    open.add(in);
    return new Iterator<>() {
      private long left = run.count();

      @Override
      public boolean hasNext() {
        return left > 0;
      }

      @Override
      public T next() {
        if (left == 0) {
          throw new NoSuchElementException();
        }
        try {
          T item = codec.read(in);
          if (--left == 0) {
            in.close();
            open.remove(in);
          }
          return item;
        } catch (IOException e) {
          throw failed("read", e);
        }
      }
    };
  }

  private KeywardenException failed(String what, IOException e) {
    return new KeywardenException(
        "could not "
            + what
            + " the audit's findings in a temporary file under "
            + (dir != null ? dir : System.getProperty("java.io.tmpdir"))
            + " ("
            + e.getMessage()
            + "); free space there, or point java.io.tmpdir elsewhere with"
            + " KEYWARDEN_JAVA_OPTS=-Djava.io.tmpdir=DIR",
        e);
  }

  /** Closes what is being read and deletes the files. */
  @Override
  public void close() {
    for (Closeable c : List.copyOf(open)) {
      try {
        c.close();
      } catch (IOException e) {
        // Nothing to keep: the file is deleted next.
      }
    }
    open.clear();
    runs.forEach(run -> delete(run.file()));
    runs.clear();
    held.clear();
    if (dir != null) {
      delete(dir);
      dir = null;
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A temporary file left behind is the system's to clean; the audit's result stands.
    }
  }

  /** A string's chars per {@link DataOutputStream#writeUTF} call, which takes at most 64 kB. */
  private static final int UTF_PIECE = 65535 / 3;

  /**
   * A string of any length, every char kept as it is (lone surrogates included), in pieces that
   * {@link DataOutputStream#writeUTF} takes.
   */
  static void writeString(DataOutputStream out, String value) throws IOException {
    int length = value.length();
    out.writeInt(length);
    for (int from = 0; from < length; from += UTF_PIECE) {
      out.writeUTF(value.substring(from, Math.min(length, from + UTF_PIECE)));
    }
  }

  static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length <= UTF_PIECE) {
      return length == 0 ? "" : in.readUTF();
    }
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      out.append(in.readUTF());
    }
    return out.toString();
  }
}
