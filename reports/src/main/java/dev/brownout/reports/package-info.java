/**
 * The run result: everything a measured run found, as the versioned JSON document {@code result.json}, and
 * the contract between the harness and every report.
 * <p>
 * In the flow it comes after the runs have played: the measurement fills a
 * {@link dev.brownout.reports.RunResult} (summary, {@link dev.brownout.reports.Quality} with its IQ loss,
 * {@link dev.brownout.reports.Attribution}, phases, timeline, failover, {@link dev.brownout.reports.Cost},
 * {@link dev.brownout.reports.Conduct} and {@link dev.brownout.reports.Security}), and reports and gates
 * render it from that file alone. Read and write it with {@link dev.brownout.reports.RunResults}; its JSON
 * Schema is {@link dev.brownout.reports.RunResultSchema}.
 * <p>
 * Public API with no dependencies on the harness, so a result can be read without it. The subpackages
 * ({@code gate}, {@code bundle}, {@code html}, {@code markdown}, {@code junit}, {@code compare}) render and
 * judge it; the harness core and the CLI write and read it.
 */
package dev.brownout.reports;
