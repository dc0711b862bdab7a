package org.paternoster.dashboard.cluster;

/**
 * The primary's commit latency over its last minute: median and 99th percentile in milliseconds,
 * and how many commits they describe.
 */
public record CommitLatency(double p50Ms, double p99Ms, long count) {}
