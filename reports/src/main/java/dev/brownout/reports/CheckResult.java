package dev.brownout.reports;

/**
 * One conduct check, read from the providers' ledgers and the exchanges.
 *
 * @param required  true for a {@link CheckLevel#REQUIRED} check, whose failure fails the verdict
 * @param threshold what the scenario allows, as written (e.g. {@code 4}, {@code 30s}, {@code true})
 * @param observed  what the run showed, in the same terms
 * @param passed    false only when the check failed ({@link CheckStatus#FAIL}); a check that was not applicable
 *                  did not fail
 * @param detail    one sentence a stranger understands: the worst case, with its task or provider
 * @param level     required, advisory or informational (shown, never scored); when null (a result written before
 *                  levels were recorded) required or advisory as {@code required} says
 * @param status    pass, fail or n/a (not judged: the SUT lacks a capability the check needs); when null (a result
 *                  written before statuses were recorded) pass or fail as {@code passed} says
 */
public record CheckResult(String name, boolean required, String threshold, String observed, boolean passed,
                          String detail, CheckLevel level, CheckStatus status) {

    public CheckResult {
        if (level == null) {
            level = required ? CheckLevel.REQUIRED : CheckLevel.ADVISORY;
        } else if (required != (level == CheckLevel.REQUIRED)) {
            throw new IllegalArgumentException("check " + name + ": required is " + required + " but its level is "
                    + level.label() + "; required is true exactly for level required");
        }
        if (status == null) {
            status = passed ? CheckStatus.PASS : CheckStatus.FAIL;
        } else if (passed != (status != CheckStatus.FAIL)) {
            throw new IllegalArgumentException("check " + name + ": passed is " + passed + " but its status is "
                    + status.label() + "; passed is false exactly for status fail");
        }
    }

    /** A required or advisory check that was judged: passed or failed. */
    public CheckResult(String name, boolean required, String threshold, String observed, boolean passed,
                       String detail) {
        this(name, required, threshold, observed, passed, detail, null, null);
    }

    /**
     * A check that was not judged because the SUT declares it lacks a capability the check needs.
     *
     * @param detail which capability, and that the SUT declares it does not have it
     */
    public static CheckResult notApplicable(String name, CheckLevel level, String threshold, String detail) {
        return new CheckResult(name, level == CheckLevel.REQUIRED, threshold, "n/a", true, detail, level,
                CheckStatus.NOT_APPLICABLE);
    }

    /** This result at another level, e.g. an evaluated check the scenario declared informational. */
    public CheckResult atLevel(CheckLevel newLevel) {
        return new CheckResult(name, newLevel == CheckLevel.REQUIRED, threshold, observed, passed, detail, newLevel,
                status);
    }

    /** Whether it counts towards the verdict: judged (not n/a) and not informational. */
    public boolean scored() {
        return level != CheckLevel.INFORMATIONAL && status != CheckStatus.NOT_APPLICABLE;
    }

    /** Whether it was judged and failed. */
    public boolean failed() {
        return status == CheckStatus.FAIL;
    }
}
