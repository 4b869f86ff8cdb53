package dev.brownout.fakes.canary;

import java.util.SplittableRandom;

/**
 * Writes canary tasks from a seed: the same seed gives the same tasks in the same order, each with an id
 * unique within the generator ({@code <kind>-<seed>-<index>}), so every exchange joins the ledger.
 */
public final class CanaryGenerator {

    private final long seed;
    private long index;

    public CanaryGenerator(long seed) {
        this.seed = seed;
    }

    /** The next task of a kind at a difficulty from 1 (easiest) to 9. */
    public synchronized CanaryTask next(CanaryKind kind, int difficulty) {
        if (difficulty < 1 || difficulty > 9) {
            throw new IllegalArgumentException("difficulty must be between 1 and 9, was " + difficulty);
        }
        long position = ++index;
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + position);
        String id = kind.label().substring(0, 3) + "-" + Long.toHexString(seed & 0xffffffL) + "-"
                + String.format("%06d", position);
        CanaryForm form = Canaries.form(kind);
        String question = form.question(difficulty, random);
        String prompt = Canaries.header(id, kind, difficulty) + "\n" + question + "\n" + Canaries.INSTRUCTION;
        Solution solution = form.solve(question)
                .orElseThrow(() -> new IllegalStateException("a generated " + kind.label() + " canary did not parse: " + question));
        return new CanaryTask(id, kind, difficulty, prompt, solution.answer());
    }
}
