/**
 * The naive reference gateway ({@link dev.brownout.gateways.naive.NaiveGateway}): every request goes to the
 * first upstream once, and whatever comes back, errors included, goes to the caller. No retries, no failover,
 * no circuit breaker.
 * <p>
 * It plays the system under test, the step after the world is started: Brownout runs it in front of the
 * world's providers (the {@code naive} reference SUT, and the first half of {@code brownout demo}) to show
 * what a brownout does to a gateway with no defences. Start it with
 * {@link dev.brownout.gateways.naive.NaiveGateway#start(dev.brownout.gateways.GatewayConfig)}, or run it as a
 * process with a config file.
 * <p>
 * Public API. It builds on the shared parts in {@code dev.brownout.gateways}; the harness's SUT package
 * ({@code dev.brownout.internal.sut}) starts it.
 */
package dev.brownout.gateways.naive;
