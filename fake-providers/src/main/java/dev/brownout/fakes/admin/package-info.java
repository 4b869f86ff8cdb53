/**
 * The control surface every fake serves under {@code /__brownout/}: read and replace its behaviour, page
 * through its ledger, check its health, scrape its metrics, and run the chain canaries' tools for an agent out of
 * process.
 * <p>
 * In the flow it is how phases set faults: when a phase starts, the harness replaces each fake's behaviour
 * through this API, and after the run it reads the ledgers back the same way. A fake's behaviour lives in a
 * {@link dev.brownout.fakes.admin.BehaviourStore}, swapped whole and atomically; what a fake exposes is an
 * {@link dev.brownout.fakes.admin.AdminSurface} mounted by {@link dev.brownout.fakes.admin.AdminApi}; a
 * document that cannot be installed is an {@link dev.brownout.fakes.admin.InvalidBehaviourException}.
 * <p>
 * Public API, so that a harness can drive fakes it did not start. It uses {@code dev.brownout.fakes.ledger},
 * {@code dev.brownout.fakes.config} and {@code dev.brownout.fakes.canary}; the providers, the OAuth server and the
 * harness's world ({@code dev.brownout.internal.world}) use it.
 */
package dev.brownout.fakes.admin;
