package dev.brownout.internal.tasks;

import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;

import java.util.List;
import java.util.OptionalLong;

/**
 * An endless canary suite: index i is the canary at position i + 1 of the seed's {@link CanaryGenerator}
 * sequence, of the suite's kind, or for a mixed suite of the kind at {@code i mod kinds}. Task ids are the
 * generator's, {@code <kind prefix>-<seed low 24 bits in hex>-<position>}, e.g. {@code ari-2a-000001}.
 */
public final class CanarySuite implements TaskSource {

    private final String name;
    private final List<CanaryKind> kinds;
    private final int difficulty;
    private final CanaryGenerator generator;

    /** A suite cycling through {@code kinds} (one kind for a single-kind suite) at one difficulty, 1 to 9. */
    public CanarySuite(String name, List<CanaryKind> kinds, int difficulty, long seed) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a canary suite needs at least one kind");
        }
        if (difficulty < 1 || difficulty > 9) {
            throw new IllegalArgumentException("canary difficulty must be between 1 and 9, was " + difficulty);
        }
        this.name = name;
        this.kinds = List.copyOf(kinds);
        this.difficulty = difficulty;
        this.generator = new CanaryGenerator(seed);
    }

    @Override
    public Task task(long index) {
        if (index < 0 || index == Long.MAX_VALUE) {
            throw new IllegalArgumentException("task index must be from 0 to " + (Long.MAX_VALUE - 1) + ", was " + index);
        }
        CanaryKind kind = kinds.get((int) (index % kinds.size()));
        CanaryTask canary = generator.task(kind, difficulty, index + 1);
        return new Task(canary.id(), canary.prompt(), canary.expected(), kind.label(), difficulty,
                Graders.canary(kind, canary.expected()), TaskTools.of(canary));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.empty();
    }

    public List<CanaryKind> kinds() {
        return kinds;
    }

    public int difficulty() {
        return difficulty;
    }
}
