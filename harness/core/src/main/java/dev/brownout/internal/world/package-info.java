/**
 * A scenario's fake world put behind fault proxies: {@link dev.brownout.internal.world.ProxiedWorld} starts
 * the fake providers and OAuth server ({@code dev.brownout.fakes}), puts each behind its own fault proxy
 * ({@code dev.brownout.faultproxy.backend}), and hands out only the proxies' addresses.
 * {@link dev.brownout.internal.world.PhaseApplier} then sets a phase's faults: network faults on the proxies,
 * HTTP faults through the fakes' admin API ({@code dev.brownout.fakes.admin}).
 * <p>
 * A world another process started ({@code brownout fakes --json}, possibly on another host) is described by a
 * {@link dev.brownout.internal.world.RemoteWorld} read from its JSON line, and
 * {@link dev.brownout.internal.world.ProxiedWorld#attach} drives it the same way over HTTP only.
 * <p>
 * It is the first thing a run starts and the last it closes; phases go through it while the driver sends
 * tasks. It builds the public {@code dev.brownout.world} endpoints and the SUT's environment
 * ({@link dev.brownout.internal.world.WorldEnvironment}). {@code dev.brownout.internal.run} and
 * {@code dev.brownout.BrownoutWorld} use it.
 * <p>
 * Internal: it may change without notice. Users reach it through {@code dev.brownout.Brownout#world(String)}
 * or a measured run.
 */
package dev.brownout.internal.world;
