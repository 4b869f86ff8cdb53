/**
 * AssertJ assertions on what Brownout measured: a run, its result and phases, its gates, and a provider's ledger.
 * No JUnit dependency.
 * <p>
 * The entry point is {@link dev.brownout.assertj.BrownoutAssertions}: {@code assertThat(run)} on a
 * {@code BrownoutRun} or a {@code RunResult} gives a {@link dev.brownout.assertj.RunResultAssert} (IQ loss with its
 * interval, availability, p99 latency, conduct verdict, security findings, gates; {@code phase(name)} gives a
 * {@link dev.brownout.assertj.PhaseAssert}, {@code costAmplification()} an AssertJ double assertion), and
 * {@code assertThat(ledger)} on a provider's calls gives a {@link dev.brownout.assertj.LedgerAssert}.
 * {@link dev.brownout.assertj.BrownoutSoftAssertions} and {@link dev.brownout.assertj.BrownoutSoftAssertionsProvider}
 * make the same assertions soft.
 * <p>
 * Every judgement is made by the code that makes it for the rest of Brownout, never by a copy: gates by the reports'
 * {@code dev.brownout.reports.gate.GateEvaluation}, as {@code brownout gate} judges them, so a test and the CI gate
 * cannot disagree; ledger checks by {@code dev.brownout.LedgerChecks}, the run's own conduct checks. Figures in
 * messages are written by {@code dev.brownout.reports.format.Figures}, as the reports write them.
 * <p>
 * Public API. It uses {@code dev.brownout} (runs, world providers, ledger checks), the fakes' ledger and the reports'
 * result model and gates; nothing uses it but tests.
 */
package dev.brownout.assertj;
