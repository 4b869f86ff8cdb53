/**
 * The run engine: plays one scenario against one system under test, and a measured run around it.
 * <p>
 * {@link dev.brownout.internal.run.ScenarioRun} holds the whole flow: start the world behind its proxies
 * ({@code dev.brownout.internal.world}), start the SUT ({@code dev.brownout.internal.sut}), let the driver
 * ({@code dev.brownout.internal.workload}) send graded tasks ({@code dev.brownout.internal.tasks}) while each
 * phase's faults are set at its time, record exchanges and ledgers into the run folder, send a scenario's run
 * the probe after its timeline ({@link dev.brownout.internal.run.AliveProbe}), then leave a clean world. {@link dev.brownout.internal.run.MeasuredRun} plays the baseline first when asked, then the
 * scenario, and has {@code dev.brownout.internal.measure} compute {@code result.json}; gates are judged
 * with {@code dev.brownout.reports.gate}.
 * <p>
 * Internal: it may change without notice. Users reach it through {@code dev.brownout.RunBuilder}.
 */
package dev.brownout.internal.run;
