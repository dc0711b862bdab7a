package org.paternoster.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Op;
import org.paternoster.view.PingAnswer;
import org.paternoster.view.View;
import org.paternoster.view.ViewState;

/**
 * Admission control at the primary ({@link ReplicaHost#limitWaiting}): a bounded number of clients
 * wait for their commit; one more is refused unseen (nothing ordered, nothing forwarded), and room
 * comes back as commits complete.
 */
class ReplicaHostAdmissionTest {
  static final View V2 = new View(2, "p", "b", "http://p", "http://b", "p1", "b1", false);
  long now = 1_000;
  final List<String> heard = new ArrayList<>();
  final HeldForwards slowBackup = new HeldForwards(f -> {});

  ReplicaHost primaryWithSlowBackup(int maxWaiting) {
    ReplicaHost host = new ReplicaHost(new Replica("p", "p1", 50), slowBackup, () -> now, 1_000, () -> {}).limitWaiting(maxWaiting);
    host.onPingAnswer(new PingAnswer(new ViewState(new View(1, "p", null, "http://p", null, "p1", null, true), true), 600), now);
    host.onPingAnswer(new PingAnswer(new ViewState(V2, false), 600), now);
    return host;
  }

  ReplicaHost.Waiter waiter(String name) {
    return new RecordingWaiter(name, heard);
  }

  static Op press(String id, int floor) {
    return new Op.Press(id, new CabCall("e1", floor));
  }

  @Test
  void oneClientBeyondTheBoundIsRefusedUnseenAndAdmittedOnceACommitMakesRoom() {
    ReplicaHost host = primaryWithSlowBackup(2);
    assertThat(host.submit(press("r0", 0), waiter("r0"))).isInstanceOf(Submission.Accepted.class);
    assertThat(host.submit(press("r1", 1), waiter("r1"))).isInstanceOf(Submission.Accepted.class);
    assertThat(host.waiting()).isEqualTo(2);
    long lastSeq = host.core().book().lastSeq();

    assertThat(host.submit(press("r2", 2), waiter("r2"))).isEqualTo(new Submission.Overloaded(2));
    assertThat(host.core().book().lastSeq()).as("nothing ordered").isEqualTo(lastSeq);
    assertThat(host.core().book().pending()).extracting(p -> p.call()).doesNotContain(new CabCall("e1", 2));
    assertThat(slowBackup.forwards().stream().flatMap(f -> f.ops().stream()).map(s -> s.op().requestId())).doesNotContain("r2");

    // The backup holds the first forward: its clients are acknowledged and there is room again.
    slowBackup.backupHolds(0, V2);
    assertThat(heard).contains("ack r0");
    assertThat(host.waiting()).isLessThan(2);
    assertThat(host.submit(press("r2", 2), waiter("r2"))).isInstanceOf(Submission.Accepted.class);
    assertThat(heard).doesNotContain("refused r2", "timeout r2");
  }

  @Test
  void aBoundBelowZeroIsRefused() {
    assertThatThrownBy(() -> primaryWithSlowBackup(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
