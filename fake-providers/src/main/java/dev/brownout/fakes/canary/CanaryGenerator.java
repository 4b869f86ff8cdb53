package dev.brownout.fakes.canary;

import java.util.SplittableRandom;

/**
 * Writes canary tasks from a seed: the same seed gives the same tasks in the same order, each with an id
 * unique within the generator ({@code <kind>-<seed>-<position>}), so every exchange joins the ledger. Tasks
 * come in order ({@link #next}) or by position ({@link #task}); both give the same task for a position.
 */
public final class CanaryGenerator {

    private final long seed;
    private long index;

    public CanaryGenerator(long seed) {
        this.seed = seed;
    }

    /** The next task of a kind at a difficulty from 1 (easiest) to 9: the task at the next position, from 1. */
    public CanaryTask next(CanaryKind kind, int difficulty) {
        checkDifficulty(difficulty);
        long position;
        synchronized (this) {
            position = ++index;
        }
        return task(seed, kind, difficulty, position);
    }

    /**
     * The task at a position (from 1) of this generator's sequence, without moving it: random access, the
     * same from any thread in any order. {@code next} hands out positions 1, 2, 3 ... so its n-th task equals
     * {@code task(kind, difficulty, n)} for the same kind and difficulty.
     */
    public CanaryTask task(CanaryKind kind, int difficulty, long position) {
        return task(seed, kind, difficulty, position);
    }

    private static void checkDifficulty(int difficulty) {
        if (difficulty < 1 || difficulty > 9) {
            throw new IllegalArgumentException("difficulty must be between 1 and 9, was " + difficulty);
        }
    }

    private static CanaryTask task(long seed, CanaryKind kind, int difficulty, long position) {
        checkDifficulty(difficulty);
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1, was " + position);
        }
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
