package dev.brownout.harness.scenario;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one scenario file, placing each at its field's line and column. */
final class Problems {

    private final String origin;
    private final YamlPositions positions;
    private final List<ScenarioProblem> found = new ArrayList<>();

    Problems(String origin, YamlPositions positions) {
        this.origin = origin;
        this.positions = positions;
    }

    /** A problem with the value of {@code path}, placed where that value starts. */
    void atValue(String path, String message) {
        YamlPositions.Position at = positions.valueOf(path);
        found.add(new ScenarioProblem(origin, at.line(), at.column(), path, message));
    }

    /** A problem with the field {@code path} itself (unknown or duplicate name), placed at its key. */
    void atKey(String path, String message) {
        YamlPositions.Position at = positions.keyOf(path);
        found.add(new ScenarioProblem(origin, at.line(), at.column(), path, message));
    }

    boolean any() {
        return !found.isEmpty();
    }

    List<ScenarioProblem> list() {
        return found.stream()
                .sorted(java.util.Comparator.comparingInt(ScenarioProblem::line).thenComparingInt(ScenarioProblem::column))
                .distinct()
                .toList();
    }

    void throwIfAny() {
        if (any()) {
            throw new ScenarioException(list());
        }
    }
}
