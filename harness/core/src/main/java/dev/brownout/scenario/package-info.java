/**
 * The scenario model and its file format: a {@link dev.brownout.scenario.Scenario} is a fake world, a
 * {@link dev.brownout.scenario.Workload} of graded tasks, a timeline of {@link dev.brownout.scenario.Phase}s
 * that set faults on targets (each with the {@link dev.brownout.scenario.ExpectedOutcome} a well-behaved SUT
 * gives), conduct {@link dev.brownout.scenario.Checks} (some needing a {@link dev.brownout.scenario.SutCapability}),
 * the {@link dev.brownout.scenario.VerdictSettings} the verdict is judged with, and the gates the run must pass.
 * <p>
 * It is where every run starts: {@link dev.brownout.scenario.ScenarioLoader} reads a file (YAML syntax, the
 * schema, then its meaning, reporting every problem at once as a
 * {@link dev.brownout.scenario.ScenarioException}), and {@link dev.brownout.scenario.ScenarioLibrary} lists
 * and loads the scenarios that ship with Brownout. The run engine then starts the scenario's world, plays
 * its phases and measures against its checks and gates. It uses the fakes' configuration and behaviour
 * types, {@code dev.brownout.reports.gate} for gates and {@code dev.brownout.input} for problems.
 * <p>
 * Public API, used by {@code dev.brownout}, {@code dev.brownout.cli} and the internal run engine.
 */
package dev.brownout.scenario;
