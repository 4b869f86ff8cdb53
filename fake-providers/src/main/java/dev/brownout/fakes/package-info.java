/**
 * The fake world: LLM providers that speak the OpenAI, Anthropic and Gemini dialects and an OAuth server, each on its
 * own listener, all seeded so the same world gives the same answers, credentials and fault draws every time.
 * <p>
 * A world is described by a {@link dev.brownout.fakes.WorldConfig} (one
 * {@link dev.brownout.fakes.ProviderConfig} per provider) and started with
 * {@link dev.brownout.fakes.FakeWorld#start(dev.brownout.fakes.WorldConfig)}, which gives a running
 * {@link dev.brownout.fakes.FakeProvider} per provider; {@link dev.brownout.fakes.FakesMain} runs the same
 * world as a standalone process. In the flow this is the first thing started: the harness puts each fake
 * behind a fault proxy, phases change the fakes' behaviour through their admin API, and the fakes' ledgers
 * are what the measurement reads for cost, conduct and security.
 * <p>
 * Public API. It builds on the other {@code dev.brownout.fakes} packages ({@code behaviour}, {@code catalog},
 * {@code oauth}, {@code ledger}, {@code admin}, {@code auth}) and on the dialects in
 * {@code dev.brownout.fakes.internal}; the harness core ({@code dev.brownout}, {@code dev.brownout.scenario},
 * the run engine) and the CLI use it.
 */
package dev.brownout.fakes;
