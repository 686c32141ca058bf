package dev.keywarden.testsupport.crac;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.crac.CheckpointException;
import org.crac.Context;
import org.crac.Resource;
import org.crac.RestoreException;

/**
 * A CRaC context that does what the SnapStart runtime does with the global one, on a JVM without
 * CRaC: keeps the resources registered with it and runs their hooks, so priming can be tested where
 * it runs.
 *
 * <p>{@link #beforeCheckpoint} runs the resources in reverse order of registration and {@link
 * #afterRestore} in order, as {@code jdk.crac} does; the first failure is thrown, wrapped.
 */
public final class CheckpointContext extends Context<Resource> {
  private final List<Resource> resources = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void register(Resource resource) {
    resources.add(resource);
  }

  /** What has been registered, in order. */
  public List<Resource> registered() {
    synchronized (resources) {
      return List.copyOf(resources);
    }
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
    List<Resource> reversed = new ArrayList<>(registered());
    Collections.reverse(reversed);
    for (Resource resource : reversed) {
      try {
        resource.beforeCheckpoint(this);
      } catch (Exception e) {
        CheckpointException failure = new CheckpointException();
        failure.addSuppressed(e);
        throw failure;
      }
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) throws RestoreException {
    for (Resource resource : registered()) {
      try {
        resource.afterRestore(this);
      } catch (Exception e) {
        RestoreException failure = new RestoreException();
        failure.addSuppressed(e);
        throw failure;
      }
    }
  }
}
