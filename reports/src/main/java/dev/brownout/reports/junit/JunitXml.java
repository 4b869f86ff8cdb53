package dev.brownout.reports.junit;

import dev.brownout.reports.Conduct;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.gate.GateOutcome;
import dev.brownout.reports.gate.GateReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

/**
 * A gated run as JUnit XML, the format CI servers (Jenkins, GitLab, GitHub test reporters) show as test results:
 * one {@code <testsuite>} for the run, one {@code <testcase>} per gate, and a {@code <failure>} for every gate that
 * failed or could not be judged, its message giving the threshold, the observed value and its interval. A run that
 * did not complete adds a failing test case {@code run completed}, so an interrupted run never reads as green. The
 * suite's first properties are the conduct verdict and its reason ({@code brownout.conduct_verdict},
 * {@code brownout.conduct_verdict_reason}); only the gates are test cases, as only they decide the exit code. The
 * property {@code brownout.unsent_baseline_tasks} counts the baseline tasks the run never sent, which an
 * {@code iq_loss} gate's message names too and a {@code goodput_loss} gate counts as lost.
 */
public final class JunitXml {

    /** The name of the test case an incomplete run adds. */
    public static final String RUN_COMPLETED = "run completed";

    /** The conduct verdict property of a run that never started; a word, not a sentence, for tools that read it. */
    static final String NO_CONDUCT_VERDICT = "none";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JunitXml() {
    }

    /** The JUnit XML document (UTF-8, indented) for {@code result} judged by {@code gates}. */
    public static String write(RunResult result, GateReport gates) {
        Document document = newDocument();
        String scenario = result.scenario().name();
        String classname = "brownout." + scenario;

        long failures = gates.failures().size() + (result.completed() ? 0 : 1);
        long tests = gates.outcomes().size() + (result.completed() ? 0 : 1);
        double seconds = result.startedAt() != null && result.endedAt() != null
                ? Duration.between(result.startedAt(), result.endedAt()).toMillis() / 1000.0 : 0;

        Element suite = document.createElement("testsuite");
        document.appendChild(suite);
        attribute(suite, "name", "brownout: " + scenario + " against " + result.sut().name());
        attribute(suite, "tests", Long.toString(tests));
        attribute(suite, "failures", Long.toString(failures));
        attribute(suite, "errors", "0");
        attribute(suite, "skipped", "0");
        attribute(suite, "time", seconds(seconds));
        if (result.startedAt() != null) {
            attribute(suite, "timestamp", TIMESTAMP.format(result.startedAt().truncatedTo(ChronoUnit.SECONDS)));
        }

        Element properties = child(suite, "properties");
        // a world that fell behind is said before anything else: every other figure is read in its light
        if (result.world() != null) {
            result.world().notice().ifPresent(notice -> property(properties, "brownout.world_behind", notice));
        }
        // the conduct verdict and why come first, where a reader of the suite looks first
        if (result.conduct() != null) {
            property(properties, "brownout.conduct_verdict",
                    result.conduct().judged() ? result.conduct().verdict().label() : NO_CONDUCT_VERDICT);
            property(properties, "brownout.conduct_verdict_reason",
                    result.conduct().reason() == null ? "no reason was recorded" : result.conduct().reason());
        }
        property(properties, "brownout.scenario", scenario);
        property(properties, "brownout.sut", result.sut().name());
        property(properties, "brownout.seed", Long.toString(result.scenario().seed()));
        property(properties, "brownout.time_scale", plain(result.scenario().timeScale()));
        property(properties, "brownout.load_scale", plain(result.scenario().loadScale()));
        property(properties, "brownout.baseline_mode",
                result.baseline() == null ? "none" : result.baseline().mode().label());
        property(properties, "brownout.bound", gates.bound().name().toLowerCase(Locale.ROOT));
        property(properties, "brownout.verdict", gates.verdict(result).name().toLowerCase(Locale.ROOT));
        if (result.probe() != null) {
            property(properties, "brownout.alive_after", result.probe().outcome() + ": " + result.probe().description());
        }
        property(properties, "brownout.command", String.join(" ", result.command()));
        if (result.quality() != null && result.quality().goodput() != null) {
            // IQ loss leaves out the baseline tasks a run never sent; a CI reading only the gates should know how many
            property(properties, "brownout.unsent_baseline_tasks",
                    Long.toString(result.quality().goodput().unsentBaselineTasks()));
        }

        if (!result.completed()) {
            Element testcase = testcase(suite, classname, RUN_COMPLETED);
            String reason = result.stopReason() == null ? "no reason was recorded" : result.stopReason();
            Element failure = child(testcase, "failure");
            attribute(failure, "type", "incomplete");
            boolean neverStarted = result.conduct() != null && !result.conduct().judged();
            attribute(failure, "message", "the run did not complete: " + reason
                    + (neverStarted ? "; " + Conduct.NO_VERDICT
                            : "; its figures cover only the part of the scenario that played"));
            text(failure, "stop reason: " + reason + (neverStarted ? "\n" + Conduct.NO_VERDICT : ""));
        }
        for (GateOutcome outcome : gates.outcomes()) {
            Element testcase = testcase(suite, classname, outcome.name());
            if (outcome.passed()) {
                text(child(testcase, "system-out"), outcome.message());
                continue;
            }
            Element failure = child(testcase, "failure");
            attribute(failure, "type", outcome.status());
            attribute(failure, "message", outcome.message());
            text(failure, String.join("\n",
                    "gate: " + outcome.name(),
                    "threshold: " + outcome.gate().written(),
                    "observed: " + outcome.observedText(),
                    "status: " + outcome.status(),
                    outcome.message()));
        }
        return serialise(document);
    }

    private static Element testcase(Element suite, String classname, String name) {
        Element testcase = child(suite, "testcase");
        attribute(testcase, "classname", classname);
        attribute(testcase, "name", name);
        testcase.setAttribute("time", "0");
        return testcase;
    }

    private static void property(Element properties, String name, String value) {
        Element property = child(properties, "property");
        attribute(property, "name", name);
        attribute(property, "value", value);
    }

    /** Drops the characters XML 1.0 cannot carry at all (control characters other than tab and line breaks). */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static Element child(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElement(name);
        parent.appendChild(child);
        return child;
    }

    private static void attribute(Element element, String name, String value) {
        element.setAttribute(name, clean(value));
    }

    private static void text(Element element, String value) {
        element.setTextContent(clean(value));
    }

    /** Decimal seconds for JUnit's {@code time} attribute, which CI tools parse as a number; not a figure for people. */
    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is always configurable: " + e.getMessage(), e);
        }
    }

    private static String serialise(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            // the JDK's transformer puts its own declaration on the root element's line; write it on its own
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("a DOM document always serialises: " + e.getMessage(), e);
        }
    }
}
