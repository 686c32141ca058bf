package dev.keywarden.faults;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a port (key gateway, state store, notice publisher) so that the process "dies" at a chosen
 * call, before or after the real one, and every later call through any port sharing the same {@link
 * SimulatedProcess} fails too, as nothing runs after a crash: not even the lease's release.
 */
public final class CrashingPort {
  private CrashingPort() {}

  /** Before or after the real call. */
  public enum At {
    BEFORE,
    AFTER
  }

  /** Thrown where the simulated process dies. */
  public static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash(String where) {
      super("simulated crash " + where);
    }
  }

  /** One simulated process: once it has crashed, every wrapped port of it refuses to work. */
  public static final class SimulatedProcess {
    private final AtomicBoolean dead = new AtomicBoolean();

    public boolean crashed() {
      return dead.get();
    }
  }

  /**
   * The port, crashing at the {@code nth} (from 1) call of {@code method}.
   *
   * @param method a method of the port, by name
   */
  public static <T> T crashing(
      Class<T> port, T real, SimulatedProcess process, String method, int nth, At at) {
    Objects.requireNonNull(real, "real");
    AtomicInteger calls = new AtomicInteger();
    InvocationHandler handler =
        (proxy, m, args) -> {
          if (m.getDeclaringClass() == Object.class) {
            return m.invoke(real, args);
          }
          if (process.dead.get()) {
            throw new SimulatedCrash(
                "earlier; " + port.getSimpleName() + "." + m.getName() + " never runs");
          }
          boolean here = m.getName().equals(method) && calls.incrementAndGet() == nth;
          if (here && at == At.BEFORE) {
            process.dead.set(true);
            throw new SimulatedCrash("before " + port.getSimpleName() + "." + method);
          }
          Object result;
          try {
            result = m.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (here) {
            process.dead.set(true);
            throw new SimulatedCrash("after " + port.getSimpleName() + "." + method);
          }
          return result;
        };
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
  }

  /** The port, never crashing itself but dead once the process is. */
  public static <T> T dyingWith(Class<T> port, T real, SimulatedProcess process) {
    return crashing(port, real, process, "", 0, At.AFTER);
  }
}
