/**
 * The resilient reference gateway ({@link dev.brownout.gateways.resilient.ResilientGateway}): bounded retries
 * that honour {@code retry-after}, failover from the primary to the next upstreams, a circuit breaker per
 * upstream, a deadline for a stream that does not start, and OAuth tokens kept fresh.
 * <p>
 * It plays the system under test, the step after the world is started: Brownout runs it in front of the
 * world's providers (the {@code resilient} reference SUT, and the second half of {@code brownout demo}) to
 * show how a careful gateway fares under the same faults as the naive one. Start it with
 * {@link dev.brownout.gateways.resilient.ResilientGateway#start(dev.brownout.gateways.GatewayConfig)}, tuned
 * by the {@link dev.brownout.gateways.RetryPolicy}, {@link dev.brownout.gateways.BreakerPolicy} and
 * {@link dev.brownout.gateways.Timeouts} of its config, or run it as a process with a config file.
 * <p>
 * Public API. It builds on the shared parts in {@code dev.brownout.gateways} and on Resilience4j's circuit
 * breaker; the harness's SUT package ({@code dev.brownout.internal.sut}) starts it.
 */
package dev.brownout.gateways.resilient;
