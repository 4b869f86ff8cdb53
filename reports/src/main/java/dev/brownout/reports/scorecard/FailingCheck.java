package dev.brownout.reports.scorecard;

import dev.brownout.reports.CheckLevel;

/**
 * A conduct check that failed, as a cell shows it.
 *
 * @param name     the check's name ({@code max_attempts_per_task})
 * @param level    required or advisory
 * @param observed what the run showed
 * @param limit    what the scenario allows
 * @param detail   the check's own sentence on the worst case
 */
public record FailingCheck(String name, CheckLevel level, String observed, String limit, String detail) {
}
