package dev.brownout.reports;

import java.time.Instant;
import java.util.Map;

/**
 * One phase as played and what it cost the users.
 *
 * @param startedAtMs when its faults began to be set, from the run's start
 * @param tookEffect  for every target, the moment its faults held
 */
public record PhaseResult(String name, long plannedAtMs, Long startedAtMs, long endMs, Map<String, Instant> tookEffect,
                          long exchanges, long answered, Double availability, Double quality, Double baselineQuality,
                          Estimate iqLoss, Attribution attribution, Latency latency, Latency ttft, double costUsd) {

    public PhaseResult {
        tookEffect = tookEffect == null ? Map.of() : Map.copyOf(tookEffect);
    }
}
