/**
 * What every fake provider does with a call, whatever its dialect: authenticate it, validate it, apply rate
 * limits and the behaviour's faults, plan the answer (a canary solved and got right or wrong, or filler
 * text; or take it from a {@link dev.brownout.fakes.internal.exchange.ReplySource}, a real API or a cassette, in
 * upstream and replay mode), send it at the serving model's pace, and write one ledger entry.
 * <p>
 * This is where the SUT's calls land while the driver sends tasks and phases change the behaviour. The
 * {@link dev.brownout.fakes.internal.exchange.CompletionEndpoint} drives it; a
 * {@link dev.brownout.fakes.internal.exchange.Dialect} supplies the wire format (the {@code anthropic} and
 * {@code openai} packages beside it). It uses the admin, auth, behaviour, canary, catalog and ledger packages
 * of the fakes.
 * <p>
 * Internal: it may change without notice. Reach it through {@code dev.brownout.fakes.FakeWorld}.
 */
package dev.brownout.fakes.internal.exchange;
