/**
 * The OpenAI Chat Completions dialect of the fake providers: reading and validating a request as the real
 * API would, and writing whole answers, chunk streams ending in {@code [DONE]} and errors in its exact shape.
 * <p>
 * It serves the SUT's calls while the driver sends tasks, plugged into the shared completion endpoint of
 * {@code dev.brownout.fakes.internal.exchange}, and uses the behaviour, catalog, auth and config packages of
 * the fakes. {@code dev.brownout.fakes.FakeProvider} picks it for a provider whose dialect is {@code openai}.
 * <p>
 * Internal: it may change without notice. Reach it through a {@code dev.brownout.fakes.ProviderConfig} with
 * that dialect.
 */
package dev.brownout.fakes.internal.openai;
