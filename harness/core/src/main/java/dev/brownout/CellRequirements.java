package dev.brownout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which cells of a scorecard the user requires: patterns {@code scenario}, {@code scenario@sut}, {@code *@sut} or
 * {@code *}. A scenario matches by its full name or its name without the pack; a SUT by its run name or any other
 * name it was given (its {@code --sut} argument).
 */
final class CellRequirements {

    private final List<String> patterns;

    private CellRequirements(List<String> patterns) {
        this.patterns = patterns;
    }

    /**
     * @param scenarios the scorecard's scenario names
     * @param sutNames  each SUT's run name with every other name it answers to
     * @throws IllegalArgumentException for a pattern naming no scenario or no SUT of the scorecard, listing them
     */
    static CellRequirements of(List<String> patterns, List<String> scenarios, Map<String, List<String>> sutNames) {
        List<String> checked = new ArrayList<>();
        for (String pattern : patterns) {
            String trimmed = pattern.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("--require needs a pattern: scenario, scenario@sut, *@sut or *");
            }
            String scenario = scenarioPart(trimmed);
            String sut = sutPart(trimmed);
            if (scenarios.stream().noneMatch(name -> scenarioMatches(scenario, name))) {
                throw new IllegalArgumentException("--require '" + pattern + "' names no scenario of this scorecard; "
                        + "the scenarios are " + String.join(", ", scenarios));
            }
            if (sutNames.entrySet().stream().noneMatch(e -> sutMatches(sut, e.getKey(), e.getValue()))) {
                throw new IllegalArgumentException("--require '" + pattern + "' names no SUT of this scorecard; "
                        + "the SUTs are " + String.join(", ", sutNames.keySet()));
            }
            checked.add(trimmed);
        }
        return new CellRequirements(List.copyOf(checked));
    }

    boolean required(String scenario, String sut, List<String> otherSutNames) {
        return patterns.stream().anyMatch(p -> scenarioMatches(scenarioPart(p), scenario)
                && sutMatches(sutPart(p), sut, otherSutNames));
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    private static String scenarioPart(String pattern) {
        int at = pattern.lastIndexOf('@');
        return at < 0 ? pattern : pattern.substring(0, at);
    }

    private static String sutPart(String pattern) {
        int at = pattern.lastIndexOf('@');
        return at < 0 ? "*" : pattern.substring(at + 1);
    }

    private static boolean scenarioMatches(String part, String name) {
        return part.equals("*") || part.equals(name) || part.equals(name.substring(name.lastIndexOf('/') + 1));
    }

    private static boolean sutMatches(String part, String name, List<String> others) {
        return part.equals("*") || part.equals(name) || others.contains(part);
    }
}
