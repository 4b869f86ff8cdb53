package dev.brownout.reports.junit;

import dev.brownout.reports.Estimate;
import dev.brownout.reports.Quality;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import dev.brownout.reports.ScenarioInfo;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.Gate;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateFile;
import dev.brownout.reports.gate.GateReport;
import dev.brownout.reports.gate.ResultCopies;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

class JunitXmlTest {

    /** iq_loss 7.3% (5.1% to 9.5%) fails < 5%; p99 2.95s passes < 8s; security 1 fails == 0. */
    private static final RunResult COMPLETED = ResultCopies.withQuality(ResultCopies.completed(RunResultFixtures.full()),
            new Quality(0.64, 0.83, new Estimate(0.073, 0.051, 0.095), null));

    private static final List<Gate> GATES = GateFile.parse(
            "{\"iq_loss\": \"< 5%\", \"p99_latency\": \"< 8s\", \"security_findings\": \"== 0\"}", "gates.json");

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Document written(RunResult result, List<Gate> gates) throws Exception {
        GateReport report = GateEvaluation.evaluate(result, gates, Bound.POINT);
        return parse(JunitXml.write(result, report));
    }

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<String> failedCases(Document document) {
        return elements(document, "testcase").stream()
                .filter(testcase -> testcase.getElementsByTagName("failure").getLength() > 0)
                .map(testcase -> testcase.getAttribute("name")).toList();
    }

    @Test
    void theSuiteNamesTheScenarioAndTheSut() throws Exception {
        Element suite = written(COMPLETED, GATES).getDocumentElement();

        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("brownout: primary-outage against litellm");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2025-03-14T09:26:53");
    }

    @Test
    void thereIsOneTestCasePerGateNamedByMetricAndCondition() throws Exception {
        Document document = written(COMPLETED, GATES);

        assertThat(elements(document, "testcase")).extracting(testcase -> testcase.getAttribute("name"))
                .containsExactly("iq_loss < 5%", "p99_latency < 8s", "security_findings == 0");
        assertThat(elements(document, "testcase")).extracting(testcase -> testcase.getAttribute("classname"))
                .containsOnly("brownout.primary-outage");
    }

    @Test
    void failuresAreExactlyTheFailedGates() throws Exception {
        assertThat(failedCases(written(COMPLETED, GATES))).containsExactly("iq_loss < 5%", "security_findings == 0");
    }

    @Test
    void testsAndFailuresCountTheGates() throws Exception {
        Element suite = written(COMPLETED, GATES).getDocumentElement();

        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
    }

    @Test
    void aFailureMessageGivesThresholdObservedValueAndInterval() throws Exception {
        Element failure = elements(written(COMPLETED, GATES), "failure").getFirst();

        assertThat(failure.getAttribute("message")).contains("< 5%", "7.3%", "95% CI 5.1% to 9.5%");
        assertThat(failure.getTextContent()).contains("threshold: < 5%", "observed: 7.3% (95% CI 5.1% to 9.5%)");
    }

    @Test
    void anUnknownGateIsAFailureSayingWhy() throws Exception {
        RunResult noBaseline = ResultCopies.completed(RunResultFixtures.minimal());

        Document document = written(noBaseline, GateFile.parse("{\"iq_loss\": \"< 5%\"}", "g"));

        Element failure = elements(document, "failure").getFirst();
        assertThat(failure.getAttribute("type")).isEqualTo("unknown");
        assertThat(failure.getAttribute("message")).contains("no baseline");
        assertThat(failure.getTextContent()).contains("observed: unknown");
    }

    @Test
    void anIncompleteRunAddsAFailingRunCompletedCase() throws Exception {
        RunResult stopped = RunResultFixtures.full();

        Document document = written(stopped, GateFile.parse("{\"p99_latency\": \"< 8s\"}", "g"));

        assertThat(failedCases(document)).containsExactly(JunitXml.RUN_COMPLETED);
        assertThat(elements(document, "failure").getFirst().getAttribute("message"))
                .contains("stopped by Ctrl-C during phase recovery");
        assertThat(document.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void propertiesCarrySeedTimeScaleBaselineModeAndVerdict() throws Exception {
        Map<String, String> properties = new HashMap<>();
        for (Element property : elements(written(COMPLETED, GATES), "property")) {
            properties.put(property.getAttribute("name"), property.getAttribute("value"));
        }

        assertThat(properties).containsEntry("brownout.seed", "42")
                .containsEntry("brownout.time_scale", "0.05")
                .containsEntry("brownout.baseline_mode", "file")
                .containsEntry("brownout.verdict", "fail")
                .containsEntry("brownout.conduct_verdict", "fail");
    }

    @Test
    void aPropertySaysWhatBecameOfTheProbeAfterTheRun() throws Exception {
        Map<String, String> properties = new HashMap<>();
        for (Element property : elements(written(COMPLETED, GATES), "property")) {
            properties.put(property.getAttribute("name"), property.getAttribute("value"));
        }

        assertThat(properties).as("the suite's properties")
                .containsEntry("brownout.alive_after", "answered: answered in 182ms, correct");
    }

    @Test
    void xmlSpecialCharactersInNamesAreEscapedAndReadBack() throws Exception {
        RunResult odd = ResultCopies.withScenario(COMPLETED, new ScenarioInfo("a<b>&\"c'", null, 7, 1, 1, 0, List.of()));

        String xml = JunitXml.write(odd, GateEvaluation.evaluate(odd, GATES, Bound.POINT));
        Document document = parse(xml);

        assertThat(xml).doesNotContain("a<b>");
        assertThat(document.getDocumentElement().getAttribute("name")).isEqualTo("brownout: a<b>&\"c' against litellm");
        assertThat(elements(document, "testcase").getFirst().getAttribute("classname")).isEqualTo("brownout.a<b>&\"c'");
    }

    @Test
    void charactersXmlCannotCarryAreDropped() throws Exception {
        RunResult odd = ResultCopies.withScenario(COMPLETED, new ScenarioInfo("bell\u0007", null, 7, 1, 1, 0, List.of()));

        Document document = parse(JunitXml.write(odd, GateEvaluation.evaluate(odd, GATES, Bound.POINT)));

        assertThat(document.getDocumentElement().getAttribute("name")).isEqualTo("brownout: bell against litellm");
    }

    @Test
    void theDocumentDeclaresUtf8AndIsIndented() {
        String xml = JunitXml.write(COMPLETED, GateEvaluation.evaluate(COMPLETED, GATES, Bound.POINT));

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite ");
        assertThat(xml).contains("\n  <properties>");
    }
    @Test
    void aGoodputLossGateIsATestCaseWhoseFailureGivesTheLossAndItsInterval() throws Exception {
        Document document = written(RunResultFixtures.closedModel(),
                GateFile.parse("{\"iq_loss\": \"< 30%\", \"goodput_loss\": \"< 10%\"}", "gates.json"));

        assertThat(failedCases(document)).as("failed test cases").containsExactly("goodput_loss < 10%");
        Element failure = elements(document, "failure").getFirst();
        assertThat(failure.getAttribute("message")).isEqualTo("goodput_loss 56% (95% CI 43.2% to 66.2%) is not < 10%");
    }

    @Test
    void thePassingIqLossCaseOfARunThatLeftTasksUnsentSaysHowMany() throws Exception {
        Document document = written(RunResultFixtures.closedModel(),
                GateFile.parse("{\"iq_loss\": \"< 30%\"}", "gates.json"));

        assertThat(elements(document, "system-out")).singleElement().extracting(Element::getTextContent).asString()
                .as("the iq_loss case's output").contains("120 of 240 baseline tasks were never sent and are not in it");
    }

    @Test
    void aPropertyCountsTheBaselineTasksTheRunNeverSent() throws Exception {
        Map<String, String> properties = new HashMap<>();
        for (Element property : elements(written(RunResultFixtures.closedModel(), GATES), "property")) {
            properties.put(property.getAttribute("name"), property.getAttribute("value"));
        }

        assertThat(properties).containsEntry("brownout.unsent_baseline_tasks", "120");
    }
}
