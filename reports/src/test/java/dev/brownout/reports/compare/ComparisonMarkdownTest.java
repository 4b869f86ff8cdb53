package dev.brownout.reports.compare;

import dev.brownout.reports.RunResultFixtures;
import dev.brownout.reports.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonMarkdownTest {

    private static final String HOSTILE = "evil|scenario <b>`x`</b>\n| a | b |";

    /** The cells of a table row: split on every pipe not escaped by a backslash. */
    private static int cellCount(String row) {
        int pipes = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '\\') {
                i++;
            } else if (row.charAt(i) == '|') {
                pipes++;
            }
        }
        return pipes - 1;
    }

    private static List<List<String>> tables(String markdown) {
        List<List<String>> tables = new java.util.ArrayList<>();
        List<String> current = null;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("|")) {
                if (current == null) {
                    current = new java.util.ArrayList<>();
                    tables.add(current);
                }
                current.add(line);
            } else {
                current = null;
            }
        }
        return tables;
    }

    private static RunComparison hostileComparison() {
        return RunComparison.of(
                Runs.run().scenario(HOSTILE, 42, 0.05, 0.5).sut("sut|a").phases(Runs.outagePhaseNamed(HOSTILE))
                        .securityFindings(0).build(), "before|A.json",
                Runs.run().scenario(HOSTILE, 43, 0.05, 0.5).sut("sut|b").phases(Runs.outagePhaseNamed(HOSTILE))
                        .securityFindings(2).build(), "B.json");
    }

    @Test
    void theTitleNamesBothRunsWithAnArrow() {
        String markdown = ComparisonMarkdown.render(RunComparison.of(Runs.run().build(), "A.json",
                Runs.run().build(), "B.json"));

        assertThat(markdown).startsWith("# A.json → B.json\n");
    }

    @Test
    void everyTableRowHasAsManyCellsAsItsHeader() {
        String markdown = ComparisonMarkdown.render(hostileComparison());

        List<List<String>> tables = tables(markdown);
        assertThat(tables).hasSize(2);
        for (List<String> table : tables) {
            int columns = cellCount(table.getFirst());
            assertThat(table).as(table.getFirst()).hasSizeGreaterThan(2)
                    .allSatisfy(row -> assertThat(cellCount(row)).as(row).isEqualTo(columns));
            assertThat(table.get(1)).matches("\\|(---\\|)+");
        }
    }

    @Test
    void pipesAndMarkupInRunTextAreEscapedAndLineBreaksRemoved() {
        String markdown = ComparisonMarkdown.render(hostileComparison());

        assertThat(markdown).contains("evil\\|scenario \\<b\\>\\`x\\`\\</b\\> \\| a \\| b \\|")
                .contains("sut\\|a").contains("before\\|A.json")
                .doesNotContain("<b>");
    }

    @Test
    void aRegressionRowSaysSoInWordsWithHowItWasJudged() {
        String markdown = ComparisonMarkdown.render(hostileComparison());

        assertThat(Arrays.stream(markdown.split("\n")).filter(line -> line.startsWith("| Security findings")))
                .singleElement().asString().contains("**REGRESSION**").contains("any change counts");
        assertThat(markdown).contains("**1 regression, 0 improvements.**");
    }

    @Test
    void warningsOfIncomparableRunsComeBeforeTheTables() {
        String markdown = ComparisonMarkdown.render(hostileComparison());

        assertThat(markdown).contains("**Not comparable:**").contains("not the same seed: 42 before, 43 after");
        assertThat(markdown.indexOf("not the same seed")).isLessThan(markdown.indexOf("| Metric |"));
    }

    @Test
    void unknownFiguresReadAsUnknown() {
        String markdown = ComparisonMarkdown.render(RunComparison.of(RunResultFixtures.minimal(),
                Runs.run().verdict(Verdict.PASS).build()));

        assertThat(Arrays.stream(markdown.split("\n")).filter(line -> line.startsWith("| IQ loss")))
                .singleElement().asString().startsWith("| IQ loss | unknown | 22.9% | unknown | unknown");
        assertThat(markdown).contains("No phase is in both runs.");
    }
    @Test
    void goodputLossHasItsRowBesideIqLoss() {
        String markdown = ComparisonMarkdown.render(RunComparison.of(RunResultFixtures.closedModel(),
                RunResultFixtures.closedModel()));

        assertThat(markdown).contains("| IQ loss | 22.9% | 22.9% |").contains("| Goodput loss | 56% | 56% |")
                .contains("| primary-down | Goodput loss | 62.5% | 62.5% |");
        assertThat(markdown.indexOf("| Goodput loss |")).isGreaterThan(markdown.indexOf("| IQ loss |"));
    }
}
