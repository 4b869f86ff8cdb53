package dev.brownout.reports;

import java.util.List;

/**
 * What the run's provider calls cost, from the providers' ledgers, not from what the SUT reports.
 *
 * @param amplification     total / the baseline's total, or null without a baseline
 * @param perCorrectAnswerUsd total / correct answers, or null when none was correct
 * @param wastedUsd         calls whose output never reached a user: retries, hedges, cut streams
 */
public record Cost(double totalUsd, Double baselineTotalUsd, Double amplification, Double perCorrectAnswerUsd,
                   double wastedUsd, List<CostLine> byModel) {

    public Cost {
        byModel = List.copyOf(byModel);
    }
}
