package dev.brownout.fakes;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Holds a provider's pacer back on purpose, for the tests of the world's own schedule (its pacer is package-private). */
public final class PacerHold {

    private PacerHold() {
    }

    /** Holds back every answer {@code provider} paces for {@code hold}; returns at once. */
    public static void holdBack(FakeProvider provider, Duration hold) {
        provider.pacer().runOnPacer(() -> LockSupport.parkNanos(hold.toNanos()));
    }
}
