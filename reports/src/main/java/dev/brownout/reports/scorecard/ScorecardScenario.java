package dev.brownout.reports.scorecard;

import java.util.Objects;

/**
 * One scenario of a scorecard's pack.
 *
 * @param name            as the pack names it ({@code failover/server-error-once}, or a file's name)
 * @param summary         the first sentence of its description
 * @param expectedOutcome what a well-behaved SUT does in its faulted phases: {@code answer}, or {@code error} when
 *                        one of them declares that the right outcome is a clean error; null when nothing is faulted
 */
public record ScorecardScenario(String name, String summary, String expectedOutcome) {

    public ScorecardScenario {
        Objects.requireNonNull(name, "a scenario name");
        summary = summary == null ? "" : summary;
    }
}
