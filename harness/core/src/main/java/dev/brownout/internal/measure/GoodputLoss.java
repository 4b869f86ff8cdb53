package dev.brownout.internal.measure;

import dev.brownout.reports.Estimate;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Goodput loss, {@code 1 − (x₁ / t₁) / (x₂ / t₂)}: x₁ correct answers in t₁ seconds of the chaos run against x₂ in
 * t₂ seconds of the baseline, with an exact 95% interval for a ratio of two Poisson rates.
 *
 * <p>Correct answers are treated as Poisson events in time. Given n = x₁ + x₂ of them, x₁ is binomial with
 * {@code p = λ₁t₁ / (λ₁t₁ + λ₂t₂)}, and the rate ratio is {@code R = p / (1 − p) · t₂ / t₁}. The Clopper–Pearson
 * interval of p — the beta quantiles {@code B(α/2; x₁, n − x₁ + 1)} and {@code B(1 − α/2; x₁ + 1, n − x₁)}, with
 * the lower end 0 when x₁ = 0 — maps through that function to an interval for R, and so to
 * {@code [1 − R_high, 1 − R_low]} for the loss. It is the two-sample method of R's {@code poisson.test}; the quantiles
 * come from Commons Math. Why this method and not another is in docs/measurement.md.
 *
 * <p>The loss is unknown (null) when the baseline has no correct answer (a ratio to nothing) or either run played
 * no time.
 */
final class GoodputLoss {

    static final double CONFIDENCE = 0.95;

    private GoodputLoss() {
    }

    /** The goodput loss of {@code correct} in {@code seconds} against the baseline's, or null when unknown. */
    static Estimate of(long correct, double seconds, long baselineCorrect, double baselineSeconds) {
        if (correct < 0 || baselineCorrect < 0) {
            throw new IllegalArgumentException("counts of correct answers cannot be negative: " + correct + " and "
                    + baselineCorrect);
        }
        if (baselineCorrect == 0 || !(seconds > 0) || !(baselineSeconds > 0)) {
            return null;
        }
        double exposure = baselineSeconds / seconds;
        double ratio = correct / (double) baselineCorrect * exposure;
        long events = correct + baselineCorrect;
        double tail = (1 - CONFIDENCE) / 2;
        double pLow = correct == 0 ? 0 : beta(correct, events - correct + 1).inverseCumulativeProbability(tail);
        // correct < events, since the baseline has at least one: the upper end is below 1 and the ratio finite
        double pHigh = beta(correct + 1, events - correct).inverseCumulativeProbability(1 - tail);
        double ratioLow = pLow / (1 - pLow) * exposure;
        double ratioHigh = pHigh / (1 - pHigh) * exposure;
        return new Estimate(1 - ratio, 1 - ratioHigh, 1 - ratioLow);
    }

    private static BetaDistribution beta(double alpha, double beta) {
        // only quantiles are wanted, never samples, so no random generator is made
        return new BetaDistribution((RandomGenerator) null, alpha, beta);
    }
}
