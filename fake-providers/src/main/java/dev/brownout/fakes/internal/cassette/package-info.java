/**
 * The user's own prompts: a provider in {@code upstream} mode forwards each request to a real API of its dialect
 * and appends the exchange to a cassette; one in {@code replay} mode answers from that cassette, offline. Either
 * way the answer goes back through the provider's own endpoint, so the world's faults, pacing, rate limits, auth
 * and ledger apply on top exactly as to a simulated answer.
 * <p>
 * A cassette is JSON Lines: a header line with the schema version, then one line per exchange (the request, its
 * key, the answer or error, the upstream's token timings), with every secret redacted. Each dialect's part (its
 * request key fields, the headers it forwards, the stream it reads back) is one {@link
 * dev.brownout.fakes.internal.cassette.UpstreamWire}, chosen by API name in {@link
 * dev.brownout.fakes.internal.cassette.UpstreamWires}.
 * <p>
 * Internal: it may change without notice. Reach it through {@code dev.brownout.fakes.ProviderConfig}.
 */
package dev.brownout.fakes.internal.cassette;
