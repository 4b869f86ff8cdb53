/**
 * How every report writes a measured figure ({@link dev.brownout.reports.format.Figures}): percentages,
 * durations, costs, ratios and scores, so that one figure reads the same everywhere it appears.
 * <p>
 * It is used at the end of the flow, when a result is rendered: by the HTML and Markdown reports, the
 * comparison, the gate messages (and so {@code junit.xml}) and the command line's summary. It depends on
 * nothing else in Brownout.
 * <p>
 * Public API, so that a tool of one's own can write figures the way Brownout's reports do.
 */
package dev.brownout.reports.format;
