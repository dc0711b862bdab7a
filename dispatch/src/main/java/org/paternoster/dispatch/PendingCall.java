package org.paternoster.dispatch;

import org.paternoster.orders.HallCall;

/** A lit hall button: registered at {@code registeredAt} (s), given to car {@code assignee} (-1: none). */
public record PendingCall(HallCall call, double registeredAt, int assignee) {}
