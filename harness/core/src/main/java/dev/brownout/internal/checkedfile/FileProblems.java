package dev.brownout.internal.checkedfile;

import dev.brownout.input.FileProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems of one checked file, placing each at its field's line and column, and throws
 * them together as the file format's own exception.
 *
 * <p>Not final so that each format can keep a collector type of its own name for its checks.
 */
public class FileProblems {

    private final CheckedDocument document;
    private final List<FileProblem> found = new ArrayList<>();

    /** A collector for the problems of {@code document}. */
    protected FileProblems(CheckedDocument document) {
        this.document = document;
    }

    /** A problem with the value of {@code path}, placed where that value starts. */
    public final void atValue(String path, String message) {
        add(path, document.positions.valueOf(path), message);
    }

    /** A problem with the field {@code path} itself (unknown or duplicate name), placed at its key. */
    public final void atKey(String path, String message) {
        add(path, document.positions.keyOf(path), message);
    }

    public final boolean any() {
        return !found.isEmpty();
    }

    /** Throws every problem found so far, in the order they stand in the file, as the format's exception. */
    public final void throwIfAny() {
        if (any()) {
            throw document.format.failure(found.stream()
                    .sorted(Comparator.comparingInt(FileProblem::line).thenComparingInt(FileProblem::column))
                    .distinct()
                    .toList());
        }
    }

    private void add(String path, YamlPositions.Position at, String message) {
        found.add(new FileProblem(document.origin, at.line(), at.column(), path, message));
    }
}
