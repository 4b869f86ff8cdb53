package dev.brownout.internal.world;

/** Collects failures of independent clean-up steps so one failing never skips the others. */
final class Failures {

    private Failures() {
    }

    static RuntimeException add(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
