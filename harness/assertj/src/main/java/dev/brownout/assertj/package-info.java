/**
 * AssertJ assertions on what Brownout measured: a run, its result and phases, its gates, and a provider's ledger.
 * Entry point {@link dev.brownout.assertj.BrownoutAssertions}; no JUnit dependency.
 */
package dev.brownout.assertj;
