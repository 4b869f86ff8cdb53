package dev.brownout.reports.junit;

import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateFile;
import dev.brownout.reports.gate.ResultCopies;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** junit.xml puts the conduct verdict and its reason first among the suite's properties. */
class JunitVerdictTest {

    private static final RunResult COMPLETED = ResultCopies.completed(RunResultFixtures.full());

    private static List<String[]> properties(RunResult result) throws Exception {
        String xml = JunitXml.write(result, GateEvaluation.evaluate(result,
                GateFile.parse("{\"p99_latency\": \"< 8s\"}", "gates.json"), Bound.POINT));
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList nodes = document.getElementsByTagName("property");
        List<String[]> properties = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            properties.add(new String[] {property.getAttribute("name"), property.getAttribute("value")});
        }
        return properties;
    }

    @Test
    void theFirstPropertiesAreTheConductVerdictAndItsReason() throws Exception {
        List<String[]> properties = properties(COMPLETED);

        assertThat(properties.get(0)).as("the first property").containsExactly("brownout.conduct_verdict", "fail");
        assertThat(properties.get(1)).as("the second property")
                .containsExactly("brownout.conduct_verdict_reason", RunResultFixtures.REASON);
    }

    @Test
    void aRunThatNeverStartedSaysWhyItHasNoVerdict() throws Exception {
        List<String[]> properties = properties(RunResultFixtures.neverStarted());

        assertThat(properties.get(0)).as("the first property").containsExactly("brownout.conduct_verdict", "none");
        assertThat(properties.get(1)[1]).as("the reason of a run that never started")
                .isEqualTo("no phase of the scenario was played, so there was no conduct to judge");
    }
}
