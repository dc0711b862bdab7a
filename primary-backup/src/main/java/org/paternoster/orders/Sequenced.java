package org.paternoster.orders;

/**
 * An operation as the primary ordered it: sequence number {@code seq} in the replicated log and
 * the primary's wall time {@code at}, so every replica derives identical state from it.
 */
public record Sequenced(long seq, long at, Op op) {}
