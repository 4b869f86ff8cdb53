/**
 * The HTML report of a run ({@link dev.brownout.reports.html.HtmlReport}): one self-contained page, with its
 * style, charts and data inside it, that opens offline.
 * <p>
 * It renders at the end of the flow, from the {@code dev.brownout.reports.RunResult} alone, with the gates
 * judged by {@code dev.brownout.reports.gate} and figures written by {@code dev.brownout.reports.format}.
 * <p>
 * Public API; {@code dev.brownout.reports.bundle} writes it as {@code report.html}.
 */
package dev.brownout.reports.html;
