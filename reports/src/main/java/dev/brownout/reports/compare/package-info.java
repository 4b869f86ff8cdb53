/**
 * Two runs of the same scenario, before and after a change to the system under test, compared figure by
 * figure, with each change judged against the noise as a regression, an improvement or neither.
 * <p>
 * It works on stored results only, after both runs have been measured:
 * {@link dev.brownout.reports.compare.RunComparison} reads two {@code dev.brownout.reports.RunResult}s into
 * {@link dev.brownout.reports.compare.MetricChange}s per {@link dev.brownout.reports.compare.Metric}, and
 * {@link dev.brownout.reports.compare.ComparisonMarkdown} and {@link dev.brownout.reports.compare.ComparisonHtml}
 * render it.
 * <p>
 * Public API. It uses {@code dev.brownout.reports} and {@code dev.brownout.reports.format}; the CLI's
 * {@code compare} command uses it.
 */
package dev.brownout.reports.compare;
