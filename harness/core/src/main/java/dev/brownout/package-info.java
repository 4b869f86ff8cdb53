/**
 * The entry point of Brownout as a library, and the public API most users need: play a measured run of a
 * scenario against a system under test, or start a scenario's fake world for a test that drives its own code.
 * <p>
 * A measured run starts at {@link dev.brownout.Brownout#scenario(String)}, which gives a
 * {@link dev.brownout.RunBuilder}: choose the system under test ({@link dev.brownout.Sut}), the
 * {@link dev.brownout.Baseline} and the clock, then {@link dev.brownout.RunBuilder#run()} returns a
 * {@link dev.brownout.BrownoutRun} holding the result, the gates as judged and the reports. Behind that call
 * the world is started, then the SUT, the driver sends graded tasks while phases set faults, exchanges and
 * ledgers are recorded, and the measurement writes {@code result.json}. A world on its own comes from
 * {@link dev.brownout.Brownout#world(String)} as a {@link dev.brownout.BrownoutWorld}, whose providers
 * ({@link dev.brownout.WorldProvider}) take faults built with {@link dev.brownout.Faults}.
 * <p>
 * Public API. It is a thin facade: it uses {@code dev.brownout.scenario}, {@code dev.brownout.sut},
 * {@code dev.brownout.world}, the fakes and the reports, and hands the work to the internal run engine
 * ({@code dev.brownout.internal.*}). The command line ({@code dev.brownout.cli}) is built on it.
 */
package dev.brownout;
