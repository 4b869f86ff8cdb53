package dev.brownout.junit;

import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;

/** A measured test's failure, told again with the path of the run's report at the end of its message. */
final class ReportedFailure {

    private ReportedFailure() {
    }

    /**
     * The failure as an {@link AssertionFailedError} whose message is the original's plus the report's path, with
     * the original as its cause and the original's stack trace, and its expected and actual values when it had any;
     * the original itself when its message already names the report (Brownout's AssertJ assertions on a run do).
     */
    static Throwable of(Throwable original, Path report) {
        String said = original instanceof AssertionError ? String.valueOf(original.getMessage()) : original.toString();
        if (original instanceof AssertionError && said.contains(report.toAbsolutePath().toString())) {
            return original;
        }
        String message = said + "\nBrownout report: " + report.toAbsolutePath();
        AssertionFailedError failure = original instanceof AssertionFailedError compared && compared.isExpectedDefined()
                ? new AssertionFailedError(message, compared.getExpected().getValue(), compared.getActual().getValue(), original)
                : new AssertionFailedError(message, original);
        failure.setStackTrace(original.getStackTrace());
        return failure;
    }
}
