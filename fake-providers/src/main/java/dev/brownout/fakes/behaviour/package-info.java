/**
 * What makes a fake provider misbehave: a {@link dev.brownout.fakes.behaviour.ProviderBehaviour} is a list of
 * HTTP-level {@link dev.brownout.fakes.behaviour.Fault}s (errors, hangs, slow or stalled or cut or unterminated
 * streams, mid-stream errors, broken chunks, silent quality drops and model substitution), each scoped by
 * probability, models, attempts of a task and a {@link dev.brownout.fakes.behaviour.FaultCondition}, and a
 * {@link dev.brownout.fakes.behaviour.RateLimit}.
 * <p>
 * In the flow a scenario's phases hold these behaviours: when a phase starts, the harness installs each
 * provider's behaviour through the admin API, and every request then draws its
 * {@link dev.brownout.fakes.behaviour.FaultPlan} from the world's seed. Faults that break the connection
 * itself belong to the fault proxy ({@code dev.brownout.faultproxy}), not here.
 * <p>
 * Public API with no dependencies of its own; used by {@code dev.brownout.fakes}, the dialects in
 * {@code dev.brownout.fakes.internal}, {@code dev.brownout.scenario} and {@code dev.brownout.Faults}.
 */
package dev.brownout.fakes.behaviour;
