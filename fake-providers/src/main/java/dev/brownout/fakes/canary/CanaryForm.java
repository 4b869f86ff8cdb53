package dev.brownout.fakes.canary;

import java.util.Optional;
import java.util.SplittableRandom;

/** One canary family: how its questions are written, solved from their text, and got plausibly wrong. */
interface CanaryForm {

    /** Writes a question of this family at a difficulty (1 = easiest). */
    String question(int difficulty, SplittableRandom random);

    /** Solves a question of this family from its text alone; empty when the text is not one. */
    Optional<Solution> solve(String question);

    /** A plausible wrong reply: a near number, a neighbouring row, one field off. */
    Solution wrong(String question, Solution right, SplittableRandom random);
}
