package dev.brownout.reports.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateFileTest {

    @TempDir
    Path folder;

    @Test
    void aJsonFileOfGatesIsReadIntoSpecsInStoredUnits() throws Exception {
        Path file = folder.resolve("gates.json");
        Files.writeString(file, """
                {
                  "iq_loss": "< 5%",
                  "p99_latency": "< 8s",
                  "cost_amplification": "< 1.3",
                  "wasted_spend": "< $2.50",
                  "security_findings": "== 0"
                }
                """);

        List<Gate> gates = GateFile.read(file);

        assertThat(gates).containsExactly(
                new Gate(GateMetric.IQ_LOSS, GateComparator.LESS, 0.05, GateUnit.PERCENT, "< 5%"),
                new Gate(GateMetric.P99_LATENCY, GateComparator.LESS, 8.0, GateUnit.DURATION, "< 8s"),
                new Gate(GateMetric.COST_AMPLIFICATION, GateComparator.LESS, 1.3, GateUnit.RATIO, "< 1.3"),
                new Gate(GateMetric.WASTED_SPEND, GateComparator.LESS, 2.5, GateUnit.USD, "< $2.50"),
                new Gate(GateMetric.SECURITY_FINDINGS, GateComparator.EQUAL, 0.0, GateUnit.COUNT, "== 0"));
    }

    @Test
    void gatesMayBeNestedUnderAGatesKeyAsInAScenario() {
        List<Gate> gates = GateFile.parse("{\"gates\": {\"availability\": \">=99%\"}}", "gates.json");

        assertThat(gates).containsExactly(
                new Gate(GateMetric.AVAILABILITY, GateComparator.GREATER_OR_EQUAL, 0.99, GateUnit.PERCENT, ">= 99%"));
    }

    @Test
    void millisecondAndMinuteDurationsAreStoredInSeconds() {
        List<Gate> gates = GateFile.parse("{\"p50_latency\": \"< 250ms\", \"time_to_recover\": \"<= 2m\"}", "g");

        assertThat(gates).extracting(Gate::threshold).containsExactly(0.25, 120.0);
    }

    @Test
    void anUnknownMetricNamesTheFileTheKeyAndTheKnownMetrics() {
        assertThatThrownBy(() -> GateFile.parse("{\"p95_latency\": \"< 8s\"}", "ci/gates.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ci/gates.json: key 'p95_latency': not a gate metric; known: iq_loss, availability, "
                        + "p50_latency, p99_latency, ttft_p99, time_to_failover, time_to_recover, cost_amplification, "
                        + "wasted_spend, security_findings, goodput_loss, world_lateness");
    }

    @Test
    void aConditionWithoutAComparatorSaysWhatTheMetricTakes() {
        assertThatThrownBy(() -> GateFile.parse("{\"iq_loss\": \"5%\"}", "gates.json"))
                .hasMessage("gates.json: key 'iq_loss': '5%' is not a condition; iq_loss takes a comparator "
                        + "(<, <=, >, >=, ==) and a percentage like \"< 5%\"");
    }

    @Test
    void aConditionInTheWrongUnitForItsMetricSaysWhichUnitItTakes() {
        assertThatThrownBy(() -> GateFile.parse("{\"p99_latency\": \"< 5%\"}", "gates.json"))
                .hasMessage("gates.json: key 'p99_latency': '< 5%' has the wrong unit; p99_latency takes a duration "
                        + "like \"< 8s\"");
    }

    @Test
    void aFractionalCountIsRefused() {
        assertThatThrownBy(() -> GateFile.parse("{\"security_findings\": \"< 0.5\"}", "gates.json"))
                .hasMessageContaining("key 'security_findings'")
                .hasMessageContaining("a whole count like \"== 0\"");
    }

    @Test
    void aPercentageOverAHundredIsRefused() {
        assertThatThrownBy(() -> GateFile.parse("{\"availability\": \">= 120%\"}", "gates.json"))
                .hasMessage("gates.json: key 'availability': '>= 120%': a percentage must be between 0% and 100%");
    }

    @Test
    void aConditionThatIsNotAStringIsRefused() {
        assertThatThrownBy(() -> GateFile.parse("{\"cost_amplification\": 1.3}", "gates.json"))
                .hasMessage("gates.json: key 'cost_amplification': the condition must be a string, a ratio like "
                        + "\"< 1.3\", not the number 1.3");
    }

    @Test
    void yamlIsRefusedWithTheJsonToWriteInstead() {
        assertThatThrownBy(() -> GateFile.parse("iq_loss: \"< 5%\"\np99_latency: \"< 8s\"\n", "gates.yaml"))
                .hasMessageStartingWith("gates.yaml:1: not valid JSON")
                .hasMessageContaining("YAML is not read here")
                .hasMessageContaining("{\"iq_loss\": \"< 5%\"");
    }

    @Test
    void brokenJsonGivesTheLine() {
        assertThatThrownBy(() -> GateFile.parse("{\n  \"iq_loss\": \"< 5%\",\n  \"p99_latency\" \"< 8s\"\n}", "g.json"))
                .hasMessageStartingWith("g.json:3: not valid JSON");
    }

    @Test
    void aDuplicateMetricIsRefused() {
        assertThatThrownBy(() -> GateFile.parse("{\"iq_loss\": \"< 5%\", \"iq_loss\": \"< 9%\"}", "g.json"))
                .hasMessageContaining("g.json")
                .hasMessageContaining("iq_loss");
    }

    @Test
    void anArrayIsNotAGatesFile() {
        assertThatThrownBy(() -> GateFile.parse("[\"iq_loss < 5%\"]", "g.json"))
                .hasMessageStartingWith("g.json: a gates file is a JSON object of metrics and conditions like");
    }

    @Test
    void anEmptyObjectHasNoGates() {
        assertThatThrownBy(() -> GateFile.parse("{}", "g.json")).hasMessageStartingWith("g.json: no gates");
    }

    @Test
    void aMissingFileNamesIt() {
        Path missing = folder.resolve("nope.json");

        assertThatThrownBy(() -> GateFile.read(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(missing + ": cannot read the gates file");
    }

    @Test
    void scalingMultipliesDurationsOnlyAndRewritesTheCondition() {
        List<Gate> gates = GateFile.parse("{\"p99_latency\": \"< 8s\", \"iq_loss\": \"< 5%\"}", "g");

        List<Gate> scaled = GateFile.scaled(gates, 0.05);

        assertThat(scaled.get(0).threshold()).isEqualTo(0.4, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(scaled.get(0).written()).isEqualTo("< 400ms");
        assertThat(scaled.get(1)).isEqualTo(gates.get(1));
    }
}
