package dev.brownout.reports;

/**
 * One conduct check, read from the providers' ledgers and the exchanges.
 *
 * @param threshold what the scenario allows, as written (e.g. {@code 4}, {@code 30s}, {@code true})
 * @param observed  what the run showed, in the same terms
 * @param detail    one sentence a stranger understands: the worst case, with its task or provider
 */
public record CheckResult(String name, boolean required, String threshold, String observed, boolean passed,
                          String detail) {
}
