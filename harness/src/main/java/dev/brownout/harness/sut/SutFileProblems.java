package dev.brownout.harness.sut;

import dev.brownout.harness.scenario.ScenarioProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one SUT file, each placed at its field's line and column. */
final class SutFileProblems {

    private final String origin;
    private final SutFilePositions positions;
    private final List<ScenarioProblem> found = new ArrayList<>();

    SutFileProblems(String origin, SutFilePositions positions) {
        this.origin = origin;
        this.positions = positions;
    }

    void atValue(String path, String message) {
        SutFilePositions.Position at = positions.valueOf(path);
        found.add(new ScenarioProblem(origin, at.line(), at.column(), path, message));
    }

    void atKey(String path, String message) {
        SutFilePositions.Position at = positions.keyOf(path);
        found.add(new ScenarioProblem(origin, at.line(), at.column(), path, message));
    }

    boolean any() {
        return !found.isEmpty();
    }

    void throwIfAny() {
        if (any()) {
            throw new SutSpecException(found.stream().distinct()
                    .sorted(Comparator.comparingInt(ScenarioProblem::line).thenComparingInt(ScenarioProblem::column))
                    .toList());
        }
    }
}
