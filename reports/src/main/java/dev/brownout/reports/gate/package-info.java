/**
 * Gates: conditions a run must meet, such as {@code iq_loss < 5%}, and their judgement against a result.
 * <p>
 * Gates are written in a scenario's {@code gates:} section or a gates file
 * ({@link dev.brownout.reports.gate.GateFile}) and read into a {@link dev.brownout.reports.gate.Gate}. Once
 * the measurement has written {@code result.json}, {@link dev.brownout.reports.gate.GateEvaluation} judges
 * them into a {@link dev.brownout.reports.gate.GateReport}, whose {@link dev.brownout.reports.gate.GateVerdict}
 * gives the exit code for CI; a figure the result cannot give fails its gate rather than passing it.
 * <p>
 * Public API. It uses {@code dev.brownout.reports} and {@code dev.brownout.reports.format}; the scenario model,
 * the run engine, {@code dev.brownout}, the CLI and the reports use it.
 */
package dev.brownout.reports.gate;
