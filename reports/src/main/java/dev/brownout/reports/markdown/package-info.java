/**
 * A gated run as Markdown ({@link dev.brownout.reports.markdown.MarkdownSummary}), for a pull request comment
 * or a CI step summary: verdict, headline figures, gates, phases, where the IQ loss went, and the command that
 * reproduces the run.
 * <p>
 * It renders at the end of the flow, from the {@code dev.brownout.reports.RunResult} and its gates
 * ({@code dev.brownout.reports.gate}), with figures written by {@code dev.brownout.reports.format}.
 * <p>
 * Public API; {@code dev.brownout.reports.bundle} writes it as {@code summary.md}.
 */
package dev.brownout.reports.markdown;
