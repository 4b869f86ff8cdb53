/**
 * The HTTP listener every fake runs on ({@link dev.brownout.fakes.internal.http.FakeHttpServer}): loopback
 * by default, virtual threads, the shared JSON mappers, and idle timeouts long enough that a deliberately hung
 * answer stays open as long as the client waits.
 * <p>
 * It is started with the world, one per provider and one for the OAuth server, and closed with it. It uses
 * {@code dev.brownout.fakes.config}; {@code dev.brownout.fakes} and {@code dev.brownout.fakes.oauth} use it.
 * <p>
 * Internal: it may change without notice. Reach it through {@code dev.brownout.fakes.FakeWorld}.
 */
package dev.brownout.fakes.internal.http;
