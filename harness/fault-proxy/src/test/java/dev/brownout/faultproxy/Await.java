package dev.brownout.faultproxy;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition with a deadline, so tests wait exactly as long as needed and no longer. */
public final class Await {

    private Await() {
    }

    /** True as soon as the condition holds; false if it still does not hold after {@code timeout}. */
    public static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
