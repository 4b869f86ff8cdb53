package dev.brownout.reports;

import java.time.Instant;
import java.util.Map;

/**
 * One phase as played and what it cost the users.
 *
 * @param startedAtMs when its faults began to be set, from the run's start
 * @param tookEffect  for every target, the moment its faults held
 * @param goodput     correct answers per second in the phase against the baseline's same span, and the goodput
 *                    loss; null in a result that did not measure it
 */
public record PhaseResult(String name, long plannedAtMs, Long startedAtMs, long endMs, Map<String, Instant> tookEffect,
                          long exchanges, long answered, Double availability, Double quality, Double baselineQuality,
                          Estimate iqLoss, Attribution attribution, Latency latency, Latency ttft, double costUsd,
                          Goodput goodput) {

    public PhaseResult {
        tookEffect = tookEffect == null ? Map.of() : Map.copyOf(tookEffect);
    }

    /** A phase without goodput figures. */
    public PhaseResult(String name, long plannedAtMs, Long startedAtMs, long endMs, Map<String, Instant> tookEffect,
                       long exchanges, long answered, Double availability, Double quality, Double baselineQuality,
                       Estimate iqLoss, Attribution attribution, Latency latency, Latency ttft, double costUsd) {
        this(name, plannedAtMs, startedAtMs, endMs, tookEffect, exchanges, answered, availability, quality,
                baselineQuality, iqLoss, attribution, latency, ttft, costUsd, null);
    }
}
