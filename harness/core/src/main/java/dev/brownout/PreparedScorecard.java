package dev.brownout;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scorecard set up and ready to play: {@link #play()} plays it on the calling thread, {@link #stop(String)} ends it
 * early from any other (a Ctrl-C): the cells playing stop as a stopped run does, keeping what they measured, the
 * cells not yet started are written without a verdict, and the scorecard files are written all the same. Made by
 * {@link ScorecardBuilder#prepare()}.
 */
public final class PreparedScorecard {

    private final ScorecardBuilder config;
    private final Set<PreparedRun> playing = ConcurrentHashMap.newKeySet();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String stopReason;

    PreparedScorecard(ScorecardBuilder config) {
        this.config = config;
    }

    /**
     * Plays every scenario against every SUT; see {@link ScorecardBuilder#run()}. After a {@link #stop(String)} the
     * scorecard holds the cells played so far and is incomplete.
     */
    public BrownoutScorecard play() {
        try {
            return ScorecardPlay.play(config, this);
        } finally {
            finished.countDown();
        }
    }

    /** Ends the scorecard early with {@code reason}; the first reason wins. Safe from any thread. */
    public void stop(String reason) {
        Objects.requireNonNull(reason, "why the scorecard stops");
        synchronized (this) {
            if (stopReason == null) {
                stopReason = reason;
            }
        }
        playing.forEach(run -> run.stop(stopReason));
    }

    /** Waits until the scorecard's files are written after {@link #play()}; true if that happened in time. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Why it was stopped, or null while it plays on. */
    String stopReason() {
        return stopReason;
    }

    /** Registers a cell's run, stopped at once when the scorecard already is; false when it should not start. */
    boolean starting(PreparedRun run) {
        playing.add(run);
        String reason = stopReason;
        if (reason != null) {
            playing.remove(run);
            return false;
        }
        return true;
    }

    void finished(PreparedRun run) {
        playing.remove(run);
    }
}
