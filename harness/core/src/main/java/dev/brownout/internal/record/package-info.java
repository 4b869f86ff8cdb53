/**
 * The records a played run keeps in its folder: one {@link dev.brownout.internal.record.ExchangeRecord} per
 * line of {@code exchanges.jsonl}, one {@link dev.brownout.internal.record.PhaseRecord} per phase as it
 * actually took effect, the {@link dev.brownout.internal.record.ProbeRecord} of {@code probe.json}, the
 * healthy request sent after the timeline, and one {@link dev.brownout.internal.record.ConnectionRecord} per line
 * of {@code connections.jsonl}: the connections the fault proxy accepted.
 * <p>
 * They are written while the driver sends tasks and the phases set faults, and read back afterwards, so that
 * a run folder can be measured again later. {@code dev.brownout.internal.run} writes them,
 * {@code dev.brownout.internal.measure} reads them, and {@code dev.brownout} uses them to read a run back.
 * <p>
 * Internal: they may change without notice. Users see them only as files in the run folder of a
 * {@code dev.brownout.BrownoutRun}.
 */
package dev.brownout.internal.record;
