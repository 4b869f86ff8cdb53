/**
 * Systems under test: reading SUT files and {@code --sut} shorthands into a
 * {@link dev.brownout.internal.sut.SutSpec}, starting one in front of a world
 * ({@link dev.brownout.internal.sut.SutStarter}, giving a {@link dev.brownout.internal.sut.StartedSut}), and
 * the adapters that talk to it: OpenAI Chat, Anthropic Messages, any JSON over HTTP, a command per task, or a
 * reference gateway from {@code dev.brownout.gateways} in this JVM.
 * <p>
 * In the flow it comes right after the world is up: the SUT is given only the world's proxy addresses (as
 * {@code dev.brownout.world} endpoints, environment variables and Mustache templates), and the driver then
 * sends it tasks through the {@code dev.brownout.sut.SutClient} each adapter implements. It uses
 * {@code dev.brownout.internal.checkedfile} and {@code dev.brownout.input} for file checks;
 * {@code dev.brownout.internal.run} starts and stops it.
 * <p>
 * Internal: it may change without notice. Users reach it through {@code dev.brownout.Sut}.
 */
package dev.brownout.internal.sut;
