package org.paternoster.orders;

/**
 * What applying a request produced: the sequence number the request was ordered at and, for a
 * press, the seq of the call it lit or joined (for served: the seq it named). A duplicate
 * request gets the first receipt again.
 */
public record Receipt(String requestId, long seq, long callSeq) {}
