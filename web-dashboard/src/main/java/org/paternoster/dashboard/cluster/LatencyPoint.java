package org.paternoster.dashboard.cluster;

/** One sample of the commit latency chart: when (dashboard clock, epoch ms) and the two percentiles. */
public record LatencyPoint(long at, double p50Ms, double p99Ms) {}
