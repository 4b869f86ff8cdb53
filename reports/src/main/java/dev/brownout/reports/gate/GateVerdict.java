package dev.brownout.reports.gate;

/**
 * What a gated run tells CI, with the process exit code a command line should end with. Exit code 2 (bad input:
 * an unreadable result or gates file) is not a verdict; the command line gives it before there is anything to judge.
 */
public enum GateVerdict {
    /** the run completed and every gate passed */
    PASS(0),
    /** the run completed and a gate failed, or could not be judged */
    FAIL(1),
    /** the run did not complete, so its figures cover only part of the scenario, whatever the gates say */
    INCOMPLETE(3);

    private final int exitCode;

    GateVerdict(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The exit code a command line ends with for this verdict: 0, 1 or 3. */
    public int exitCode() {
        return exitCode;
    }
}
