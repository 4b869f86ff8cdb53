package dev.brownout.internal.measure;

import dev.brownout.reports.Conduct;

/**
 * The conduct checks' results and verdict, and why the verdict is what it is.
 *
 * @param verdictReason one sentence: which phase or check decided the verdict; the same as {@link Conduct#reason()}
 */
public record ConductAssessment(Conduct conduct, String verdictReason) {
}
