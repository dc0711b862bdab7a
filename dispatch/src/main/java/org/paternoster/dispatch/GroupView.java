package org.paternoster.dispatch;

import java.util.List;

/** The group as a dispatcher sees it during one callback. Read-only. */
public interface GroupView {
  double now();

  Building building();

  Kinematics kinematics();

  /** Every car, by index. */
  List<? extends CarView> cars();

  /** The lit hall calls, oldest first. */
  List<PendingCall> pendingCalls();
}
