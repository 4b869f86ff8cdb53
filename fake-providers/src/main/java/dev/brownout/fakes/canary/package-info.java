/**
 * Canary tasks: short questions (arithmetic, lookups, JSON, tool calls) and multi-step tool tasks (chains) with one
 * exactly gradable answer, which a real LLM can answer too and which the fake providers solve and then get right or
 * wrong as a model's capability says.
 * <p>
 * In the flow the driver sends canaries as graded tasks, the fakes recognise them by their header and answer
 * them, and the grade of each answer is what IQ loss is measured from. Start from
 * {@link dev.brownout.fakes.canary.CanaryGenerator} (seeded {@link dev.brownout.fakes.canary.CanaryTask}s of a
 * {@link dev.brownout.fakes.canary.CanaryKind}); {@link dev.brownout.fakes.canary.Canaries} holds the prompt
 * grammar and {@link dev.brownout.fakes.canary.CanaryOracle} the seeded right-or-wrong draw.
 * {@link dev.brownout.fakes.canary.ToolChains} is the one implementation of the chain tasks' tools
 * ({@link dev.brownout.fakes.canary.ToolDefinition}), which agents run and the fakes' planner reads results of.
 * <p>
 * Public API with no dependencies of its own; used by the fakes' reply planner
 * ({@code dev.brownout.fakes.internal.exchange}), the admin API's tool endpoint ({@code dev.brownout.fakes.admin}) and
 * the harness's task sources ({@code dev.brownout.internal.tasks}).
 */
package dev.brownout.fakes.canary;
