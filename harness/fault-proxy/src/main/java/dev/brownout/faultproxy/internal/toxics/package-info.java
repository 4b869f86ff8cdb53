/**
 * The toxics of the embedded fault proxy: each {@link dev.brownout.faultproxy.internal.toxics.ToxicType}
 * (latency, bandwidth, slicer, slow close, timeout, reset peer, limit data, and Brownout's
 * {@code brownout.blackhole} extension for a hung peer) with the per-connection
 * {@link dev.brownout.faultproxy.internal.toxics.ToxicBehaviour} that changes the bytes as they pass.
 * <p>
 * In the flow they act while phases hold network faults: the proxy in front of a fake runs every chunk of a
 * connection through the toxics a phase set on it. {@code dev.brownout.faultproxy} looks them up by name in
 * {@link dev.brownout.faultproxy.internal.toxics.Toxics}; this package depends on nothing else in Brownout.
 * <p>
 * Internal: it may change without notice. Reach it through {@code dev.brownout.faultproxy.ToxiproxyServer}'s
 * Toxiproxy API, or through a scenario's network faults.
 */
package dev.brownout.faultproxy.internal.toxics;
