package dev.brownout.internal.measure;

import dev.brownout.reports.Estimate;

import java.util.List;

/**
 * IQ loss over paired tasks: {@code 1 - Q_chaos / Q_baseline}, Q being the mean score, with a 95% confidence
 * interval by the delta method for a ratio of means.
 *
 * <p>With per-task pairs (c<sub>i</sub>, b<sub>i</sub>), R = mean(c) / mean(b) and
 * <pre>
 * Var(R) ≈ (1/n) · (s_c² / μ_b² + μ_c² · s_b² / μ_b⁴ − 2 · μ_c · s_cb / μ_b³)
 * </pre>
 * where s_c², s_b² and s_cb are the sample variances and covariance (denominator n − 1); the interval is
 * {@code 1 − (R ± 1.96 · √Var(R))}. The pairing lets the covariance remove the variation the two runs share
 * (hard tasks are hard in both), so the interval is much narrower than two independent means would give.
 *
 * <p>The loss is unknown (null), never 0, when there is no pair or the baseline's quality is 0 (a ratio to
 * nothing); the interval's ends are null when there are fewer than 2 pairs.
 */
final class IqLoss {

    private static final double Z_95 = 1.96;

    private IqLoss() {
    }

    /** The IQ loss over {@code pairs}, or null when it cannot be known. */
    static Estimate of(List<TaskPair> pairs) {
        double[] chaos = pairs.stream().mapToDouble(pair -> pair.chaos().score()).toArray();
        double[] baseline = pairs.stream().mapToDouble(pair -> pair.baseline().score()).toArray();
        return of(chaos, baseline);
    }

    /** The IQ loss of scores {@code chaos} against {@code baseline}, pair by pair; null when unknown. */
    static Estimate of(double[] chaos, double[] baseline) {
        if (chaos.length != baseline.length) {
            throw new IllegalArgumentException("paired scores need the same count: " + chaos.length + " and " + baseline.length);
        }
        int n = chaos.length;
        if (n == 0) {
            return null;
        }
        double meanChaos = mean(chaos);
        double meanBaseline = mean(baseline);
        if (meanBaseline == 0) {
            return null;
        }
        double ratio = meanChaos / meanBaseline;
        double loss = 1 - ratio;
        if (n < 2) {
            return new Estimate(loss, null, null);
        }
        double varChaos = 0;
        double varBaseline = 0;
        double covariance = 0;
        for (int i = 0; i < n; i++) {
            double dc = chaos[i] - meanChaos;
            double db = baseline[i] - meanBaseline;
            varChaos += dc * dc;
            varBaseline += db * db;
            covariance += dc * db;
        }
        varChaos /= n - 1;
        varBaseline /= n - 1;
        covariance /= n - 1;
        double mb2 = meanBaseline * meanBaseline;
        double variance = (varChaos / mb2
                + meanChaos * meanChaos * varBaseline / (mb2 * mb2)
                - 2 * meanChaos * covariance / (mb2 * meanBaseline)) / n;
        // the bracket is the sample variance of (c - R b) over μ_b², so never below 0 but for rounding
        double halfWidth = Z_95 * Math.sqrt(Math.max(0, variance));
        return new Estimate(loss, loss - halfWidth, loss + halfWidth);
    }

    /** {@code 1 - mean(chaos) / mean(baseline)} over {@code pairs}, without an interval; null when unknown. */
    static Double value(List<TaskPair> pairs) {
        Estimate estimate = of(pairs);
        return estimate == null ? null : estimate.value();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
