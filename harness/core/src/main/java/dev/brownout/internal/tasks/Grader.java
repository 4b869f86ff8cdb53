package dev.brownout.internal.tasks;

/**
 * Scores an answer to a task in [0, 1]. A null or blank answer scores 0 with every grader. Graders hold no
 * mutable state, so one grader serves any number of threads.
 */
public interface Grader {

    /** The answer's score, from 0 (wrong, or no answer) to 1 (right). */
    double score(String answer);

    /** One line saying what earns a 1, for reports: {@code number 42 ± 0.5}. */
    String description();
}
