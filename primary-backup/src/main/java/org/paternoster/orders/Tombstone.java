package org.paternoster.orders;

/**
 * A served incarnation: {@code call} as it was when it had sequence number {@code seq}. Kept so
 * that a merge never brings a served call back (invariant 7). Keyed by call and seq together, so
 * even lineages whose seqs collide (a view service that lost its disk) confuse two tombstones only
 * if they are the same call with the same seq.
 */
public record Tombstone(Call call, long seq) {
  public static Tombstone of(PendingCall p) {
    return new Tombstone(p.call(), p.seq());
  }
}
