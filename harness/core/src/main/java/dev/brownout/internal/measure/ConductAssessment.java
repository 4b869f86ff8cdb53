package dev.brownout.internal.measure;

import dev.brownout.reports.Conduct;

/**
 * The conduct checks' results and verdict, and why the verdict is what it is.
 *
 * @param verdictReason one sentence: which check decided the verdict, or that no check was declared
 */
public record ConductAssessment(Conduct conduct, String verdictReason) {
}
