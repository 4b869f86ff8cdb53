/**
 * The drivers that send graded tasks to the system under test while the timeline plays:
 * {@link dev.brownout.internal.workload.OpenLoopDriver} (arrivals on a fixed schedule, whatever the SUT does)
 * and {@link dev.brownout.internal.workload.ClosedLoopDriver} (a fixed number of agents, each waiting for its
 * answer; with a pace, no agent starts two tasks closer together than it); {@link dev.brownout.internal.workload.SingleExchange}
 * sends one task on its own, the probe after a run. Every {@link dev.brownout.internal.workload.Exchange} is timed
 * from its intended send time, so a slow SUT cannot hide its delay.
 * <p>
 * In the flow it runs once the world and the SUT are up, at the same time as the phases set faults; each
 * exchange goes to an {@link dev.brownout.internal.workload.ExchangeListener} as it ends, to be recorded. It
 * talks to the SUT through {@code dev.brownout.sut}; {@code dev.brownout.internal.run} drives it and
 * {@code dev.brownout.internal.measure} reads its exchanges.
 * <p>
 * Internal: it may change without notice. Users reach it through {@code dev.brownout.RunBuilder#run()}.
 */
package dev.brownout.internal.workload;
