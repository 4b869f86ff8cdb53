/**
 * A gated run as JUnit XML ({@link dev.brownout.reports.junit.JunitXml}): one test case per gate, so a CI
 * server shows the gates as test results.
 * <p>
 * It renders at the end of the flow, from the {@code dev.brownout.reports.RunResult} and its
 * {@code dev.brownout.reports.gate.GateReport}.
 * <p>
 * Public API; {@code dev.brownout.reports.bundle} writes it as {@code junit.xml}.
 */
package dev.brownout.reports.junit;
