/**
 * An embedded fault proxy: {@link dev.brownout.faultproxy.ToxiproxyServer} is a server in this JVM that
 * speaks Toxiproxy's HTTP control API and proxies TCP through its toxics, so any Toxiproxy client can drive
 * it and no separate binary or container is needed. Configure it with
 * {@link dev.brownout.faultproxy.ServerConfig}.
 * <p>
 * In the flow it sits between the system under test and every fake: when the world is started, each fake
 * gets its own proxy, the SUT is only given the proxies' addresses, and phases set network faults (latency,
 * bandwidth, resets, timeouts, a hung peer) as toxics on them. The toxics themselves are in
 * {@code dev.brownout.faultproxy.internal.toxics}. The server also logs every connection it accepts, those a
 * disabled proxy resets included, and serves the log at {@code GET /brownout/connections}, so the harness can
 * count the attempts that never reached a fake.
 * <p>
 * Public API with no dependencies on the rest of Brownout. The harness reaches it through
 * {@code dev.brownout.faultproxy.backend}; the CLI's {@code toxiproxy} command serves it on its own.
 */
package dev.brownout.faultproxy;
