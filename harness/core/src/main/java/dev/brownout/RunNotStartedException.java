package dev.brownout;

import java.io.Serial;

/**
 * A run whose scenario never started playing — the world or the system under test could not start, or it
 * was stopped first. The world is clean and closed; what was recorded is in {@link #run()}'s folder, with
 * {@code error.txt} holding the cause where there was one.
 */
public final class RunNotStartedException extends BrownoutException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient BrownoutRun run;

    RunNotStartedException(BrownoutRun run) {
        super("the run of " + run.result().scenario().name() + " against " + run.result().sut().name()
                + " never started: " + run.result().stopReason() + "; what was recorded is in " + run.folder());
        this.run = run;
    }

    /** The run as it was left: its folder, its (incomplete) result and reports. */
    public BrownoutRun run() {
        return run;
    }
}
