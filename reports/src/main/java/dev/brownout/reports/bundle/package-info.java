/**
 * Every report of one run, written together from its result: {@link dev.brownout.reports.bundle.ReportBundle}
 * renders {@code report.html}, {@code summary.md} and {@code junit.xml} into one folder.
 * <p>
 * It is the last step of the flow, once {@code result.json} exists and its gates are judged. It puts together
 * {@code dev.brownout.reports.html}, {@code dev.brownout.reports.markdown} and
 * {@code dev.brownout.reports.junit}, with the gates of {@code dev.brownout.reports.gate}.
 * <p>
 * Public API; {@code dev.brownout} writes a bundle after every measured run, and the CLI's {@code report}
 * command writes one for a stored result.
 */
package dev.brownout.reports.bundle;
