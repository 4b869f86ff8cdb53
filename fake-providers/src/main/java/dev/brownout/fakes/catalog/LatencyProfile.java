package dev.brownout.fakes.catalog;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * How fast a model answers: time to first token as a log-normal given by its median and p99, then output
 * tokens at a steady rate. The p99 fixes the spread: sigma = ln(p99 / median) / 2.326.
 */
public record LatencyProfile(Duration ttftMedian, Duration ttftP99, double tokensPerSecond) {

    private static final double Z_99 = 2.3263478740408408;

    public LatencyProfile {
        if (ttftMedian == null || ttftMedian.isNegative()) {
            throw new IllegalArgumentException("ttft median must be a duration >= 0");
        }
        if (ttftP99 == null || ttftP99.compareTo(ttftMedian) < 0) {
            throw new IllegalArgumentException("ttft p99 must be at least the median");
        }
        if (!(tokensPerSecond > 0) || Double.isInfinite(tokensPerSecond)) {
            throw new IllegalArgumentException("tokens per second must be > 0");
        }
    }

    /**
     * This profile on a clock {@code factor} times as long: times to first token multiplied by it, the token
     * rate divided by it, so a scenario played at 0.05 keeps its models' pace relative to its timeline.
     */
    public LatencyProfile scaled(double factor) {
        return new LatencyProfile(Duration.ofNanos(Math.round(ttftMedian.toNanos() * factor)),
                Duration.ofNanos(Math.round(ttftP99.toNanos() * factor)), tokensPerSecond / factor);
    }

    public double sigma() {
        if (ttftMedian.isZero()) {
            return 0;
        }
        return Math.log((double) ttftP99.toNanos() / ttftMedian.toNanos()) / Z_99;
    }

    /**
     * One time-to-first-token draw. Draws are capped at 3x the p99 (resampling would bias the seeded
     * stream less predictably) so a tail never exceeds what the profile says by an absurd margin.
     */
    public Duration sampleTtft(SplittableRandom random) {
        if (ttftMedian.isZero()) {
            return Duration.ZERO;
        }
        double gaussian = gaussian(random);
        double nanos = ttftMedian.toNanos() * Math.exp(sigma() * gaussian);
        double cap = ttftP99.toNanos() * 3.0;
        return Duration.ofNanos((long) Math.min(nanos, cap));
    }

    /** Time between two output tokens at this profile's rate. */
    public Duration interTokenGap() {
        return Duration.ofNanos((long) (1_000_000_000d / tokensPerSecond));
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian, and one draw per call keeps streams reproducible.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
