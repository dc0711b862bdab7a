package org.paternoster.replica;

import java.util.List;
import org.paternoster.view.View;

/** A client parked at a {@link ReplicaHost} that writes what it hears into {@code log}: "ack NAME", "refused NAME", "timeout NAME". */
public record RecordingWaiter(String name, List<String> log) implements ReplicaHost.Waiter {
  @Override
  public boolean committed(long viewnum) {
    return log.add("ack " + name);
  }

  @Override
  public boolean notPrimary(View view) {
    return log.add("refused " + name);
  }

  @Override
  public boolean timedOut() {
    return log.add("timeout " + name);
  }
}
