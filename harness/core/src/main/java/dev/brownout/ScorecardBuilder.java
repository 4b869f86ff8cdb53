package dev.brownout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A scorecard being set up: a pack (given to {@link Brownout#scorecard(String)}), the systems under test, the clock
 * and load every cell plays on, and where the scorecard goes. {@link #run()} plays every scenario of the pack
 * against every SUT, each as a normal measured run. Each setter returns a new builder; this one is unchanged.
 */
public final class ScorecardBuilder {

    final PackSource pack;
    final List<Sut> suts;
    final double timeScale;
    final double loadScale;
    final Duration warmup;
    final Baseline baseline;
    final Path out;
    final List<String> required;
    final int parallelism;
    final ScorecardObserver observer;

    private ScorecardBuilder(PackSource pack, List<Sut> suts, double timeScale, double loadScale, Duration warmup,
                             Baseline baseline, Path out, List<String> required, int parallelism,
                             ScorecardObserver observer) {
        this.pack = pack;
        this.suts = List.copyOf(suts);
        this.timeScale = timeScale;
        this.loadScale = loadScale;
        this.warmup = warmup;
        this.baseline = baseline;
        this.out = out;
        this.required = List.copyOf(required);
        this.parallelism = parallelism;
        this.observer = observer;
    }

    static ScorecardBuilder of(PackSource pack) {
        return new ScorecardBuilder(pack, List.of(), 1, 1, Duration.ZERO, Baseline.none(), null, List.of(), 1,
                new ScorecardObserver() {
                });
    }

    /** The systems under test, one column each, in this order; at least one. Replaces any given before. */
    public ScorecardBuilder against(Sut... systems) {
        Objects.requireNonNull(systems, "the systems under test");
        return against(Arrays.asList(systems));
    }

    /** The systems under test, one column each, in this order; at least one. Replaces any given before. */
    public ScorecardBuilder against(List<Sut> systems) {
        Objects.requireNonNull(systems, "the systems under test");
        systems.forEach(s -> Objects.requireNonNull(s, "a system under test; Sut.reference(\"naive\"), Sut.fromFile(...)"));
        if (systems.isEmpty()) {
            throw new IllegalArgumentException("a scorecard needs at least one system under test");
        }
        return new ScorecardBuilder(pack, systems, timeScale, loadScale, warmup, baseline, out, required, parallelism,
                observer);
    }

    /** Plays every scenario on a clock {@code factor} times as long (see {@link RunBuilder#timeScale}); default 1. */
    public ScorecardBuilder timeScale(double factor) {
        pack.entries().forEach(entry -> entry.source().scenario().scaled(factor));
        return new ScorecardBuilder(pack, suts, factor, loadScale, warmup, baseline, out, required, parallelism, observer);
    }

    /** Sends this share of each scenario's load (see {@link RunBuilder#loadScale}); default 1. */
    public ScorecardBuilder loadScale(double share) {
        pack.entries().forEach(entry -> entry.source().scenario().loadScaled(share));
        return new ScorecardBuilder(pack, suts, timeScale, share, warmup, baseline, out, required, parallelism, observer);
    }

    /** Unmeasured load before each cell's timeline; default zero, since a pack's scenarios are short. */
    public ScorecardBuilder warmup(Duration length) {
        Objects.requireNonNull(length, "a warm-up length; Duration.ZERO for none");
        if (length.isNegative()) {
            throw new IllegalArgumentException("a warm-up cannot be negative, was " + length);
        }
        return new ScorecardBuilder(pack, suts, timeScale, loadScale, length, baseline, out, required, parallelism,
                observer);
    }

    /**
     * What each cell is measured against; default {@link Baseline#none()}: a cell's verdict then holds the faulted
     * phases' availability against 100% (docs/measurement.md), and no fault-free run is played first.
     */
    public ScorecardBuilder baseline(Baseline choice) {
        Objects.requireNonNull(choice, "a baseline: Baseline.none() or Baseline.auto()");
        return new ScorecardBuilder(pack, suts, timeScale, loadScale, warmup, choice, out, required, parallelism,
                observer);
    }

    /**
     * The scorecard's folder, which must not hold a scorecard already; default
     * {@code brownout-runs/scorecard-<pack>-<yyyyMMdd-HHmmss>}.
     */
    public ScorecardBuilder outputTo(Path folder) {
        Objects.requireNonNull(folder, "a folder for the scorecard");
        return new ScorecardBuilder(pack, suts, timeScale, loadScale, warmup, baseline, folder, required, parallelism,
                observer);
    }

    /**
     * The cells that must not fail: {@code scenario} (against every SUT), {@code scenario@sut}, {@code *@sut} or
     * {@code *}; a scenario as the pack names it ({@code failover/server-error-once}, or just
     * {@code server-error-once}), a SUT by its run name or its {@code --sut} argument. A required cell that fails
     * or has no verdict fails the scorecard. Adds to any given before.
     */
    public ScorecardBuilder require(String... patterns) {
        Objects.requireNonNull(patterns, "cell patterns");
        List<String> all = new java.util.ArrayList<>(required);
        for (String pattern : patterns) {
            all.add(Objects.requireNonNull(pattern, "a cell pattern"));
        }
        return new ScorecardBuilder(pack, suts, timeScale, loadScale, warmup, baseline, out, all, parallelism, observer);
    }

    /** How many cells' runs play at once; default 1. Each run has its own world on its own ports. */
    public ScorecardBuilder parallelism(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("parallelism is how many runs play at once: 1 or more, was " + runs);
        }
        return new ScorecardBuilder(pack, suts, timeScale, loadScale, warmup, baseline, out, required, runs, observer);
    }

    /** Tells {@code watcher} as each cell starts and finishes. */
    public ScorecardBuilder observer(ScorecardObserver watcher) {
        Objects.requireNonNull(watcher, "an observer");
        return new ScorecardBuilder(pack, suts, timeScale, loadScale, warmup, baseline, out, required, parallelism,
                watcher);
    }

    /**
     * Plays every scenario against every SUT, judges each run, and writes {@code scorecard.json},
     * {@code scorecard.md} and {@code scorecard.html}. A cell whose run could not start or ended early still gets
     * its cell (with no verdict and the reason) and the scorecard goes on.
     *
     * @throws IllegalArgumentException for a set-up that cannot play: no SUT, two SUTs of one name, a
     *                                  {@code require} pattern that names no scenario or SUT, a folder that already
     *                                  holds a scorecard
     */
    public BrownoutScorecard run() {
        return prepare().play();
    }

    /**
     * The scorecard set up but not yet played, so another thread (a Ctrl-C handler) can {@link PreparedScorecard#stop
     * stop} it and still get the scorecard of the cells played so far.
     */
    public PreparedScorecard prepare() {
        return new PreparedScorecard(this);
    }
}
