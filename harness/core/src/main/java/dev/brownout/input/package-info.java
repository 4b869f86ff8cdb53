/**
 * How Brownout reports a file or argument it cannot use: every problem at once, each with its file, line,
 * column, field and what would be valid there.
 * <p>
 * It sits at the very start of the flow, before anything is started: reading a scenario or a SUT file throws
 * an {@link dev.brownout.input.InvalidInputException} (or one of its subclasses, such as
 * {@code dev.brownout.scenario.ScenarioException}) carrying a list of {@link dev.brownout.input.FileProblem}.
 * <p>
 * Public API with no dependencies of its own; {@code dev.brownout.scenario}, the internal file checks
 * ({@code dev.brownout.internal.checkedfile}, {@code dev.brownout.internal.sut}) and the command line
 * ({@code dev.brownout.cli}) use it.
 */
package dev.brownout.input;
