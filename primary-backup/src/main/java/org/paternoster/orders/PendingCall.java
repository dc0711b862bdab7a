package org.paternoster.orders;

/** A lit call: the call, the sequence number of the press that created it, and when. */
public record PendingCall(Call call, long seq, long at) {}
