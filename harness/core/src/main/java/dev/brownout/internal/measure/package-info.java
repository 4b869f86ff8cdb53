/**
 * The measurement: turns what the played runs recorded (exchanges, the providers' ledgers, phase records) into
 * the figures of {@code result.json}: quality and IQ loss against the baseline, its attribution by cause,
 * availability, latency, failover times, cost, conduct checks and security findings.
 * <p>
 * It comes after the runs have played, and before reports and gates render the result. It is pure
 * computation over in-memory records: {@link dev.brownout.internal.measure.QualityMeasure},
 * {@link dev.brownout.internal.measure.CostMeasure}, {@link dev.brownout.internal.measure.ConductChecks} and
 * {@link dev.brownout.internal.measure.SecurityFindings} are its main parts. It reads
 * {@code dev.brownout.internal.record}, {@code dev.brownout.internal.workload}, the fakes' ledgers and
 * catalog, and fills the result types of {@code dev.brownout.reports}; {@code dev.brownout.internal.run}
 * calls it.
 * <p>
 * Internal: it may change without notice. Users reach it through {@code dev.brownout.RunBuilder#run()}.
 */
package dev.brownout.internal.measure;
