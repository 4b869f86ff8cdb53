/**
 * What the fakes saw: a bounded, append-only {@link dev.brownout.fakes.ledger.Ledger} per fake, read in
 * {@link dev.brownout.fakes.ledger.LedgerPage}s with a cursor, holding one
 * {@link dev.brownout.fakes.ledger.ProviderCall} per provider call (model asked for and model that served,
 * caller, status, tokens, cost, faults applied).
 * <p>
 * In the flow ledgers fill while the driver sends tasks, are saved into the run folder, and are the ground
 * truth the measurement reads: cost and wasted spend, retries and conduct checks, credential leaks. They are
 * joined to the driver's exchanges by task id.
 * <p>
 * Public API with no dependencies of its own; used by the fakes, their admin API, {@code dev.brownout} and
 * the harness's run engine and measurement.
 */
package dev.brownout.fakes.ledger;
