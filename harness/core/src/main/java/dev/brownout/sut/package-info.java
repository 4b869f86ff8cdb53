/**
 * The contract between the driver and a system under test: {@link dev.brownout.sut.SutClient} takes one
 * {@link dev.brownout.sut.SutRequest} (a task's id, prompt, budget and the {@link dev.brownout.sut.SutTool}s it
 * offers) and returns a {@link dev.brownout.sut.SutReply} (with the tool calls of a model's reply, if any).
 * <p>
 * In the flow it is the point where graded tasks leave the harness: after the world and the SUT are started,
 * the driver sends every task through this interface. Implement it to test code running in this JVM (hand it
 * to {@code dev.brownout.Sut#inJvm}); the built-in adapters for gateways and processes in
 * {@code dev.brownout.internal.sut} implement it too.
 * <p>
 * Public API with no dependencies of its own; used by {@code dev.brownout} and the internal run engine.
 */
package dev.brownout.sut;
