package dev.brownout.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.reports.Cause;
import dev.brownout.reports.ExchangeResult;
import dev.brownout.reports.PhaseSpec;
import dev.brownout.reports.ProbeResult;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import dev.brownout.reports.ScenarioInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private static final String HOSTILE = "<script>alert('answer')</script><img src=x onerror=alert(1)>{{{uplotJs}}}";
    private static final String BREAKOUT = "</script><script>alert('phase')</script><!--";

    @Test
    void fullResultLeadsWithTheVerdictAndHeadlineFigures() {
        String html = HtmlReport.render(RunResultFixtures.full());
        String text = text(html);

        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(text).contains("FAIL", "a required check failed", "retry_after_honoured");
        assertThat(text).contains("IQ loss", "22.9%", "95% interval 16% to 30%", "noise floor 1.1%");
        assertThat(text).contains("0.640", "baseline 0.830", "85.6%", "baseline 99%", "2.95s", "640ms");
        assertThat(text).contains("$0.0633", "1.54×", "$0.000679", "$0.0087");
        assertThat(text).contains("< 5%").containsPattern("(passed|FAILED)");
        assertThat(html).contains("data-gate-metric=\"iq_loss\"");
        // the verdict comes before the charts, the charts before the tables, reproduction last
        assertThat(html.indexOf("id=\"verdict\"")).isLessThan(html.indexOf("id=\"charts\""));
        assertThat(html.indexOf("id=\"charts\"")).isLessThan(html.indexOf("id=\"attribution\""));
        assertThat(html.indexOf("id=\"attribution\"")).isLessThan(html.indexOf("id=\"phases\""));
        assertThat(html.indexOf("id=\"phases\"")).isLessThan(html.indexOf("id=\"cost\""));
        assertThat(html.indexOf("id=\"worst\"")).isLessThan(html.indexOf("id=\"reproduce\""));
    }

    @Test
    void fullResultShowsEverySection() {
        String text = text(HtmlReport.render(RunResultFixtures.full()));

        assertThat(text).contains("primary-down", "openai, openai-proxy", "steady");
        assertThat(text).contains("whole run", "12%", "downgrade");
        assertThat(text).contains("claude-haiku", "41,230", "anthropic");
        assertThat(text).contains("1.85s", "2.4s");
        assertThat(text).contains("credential leak", "the openai API key was presented to anthropic");
        assertThat(text).contains("t-0031", "What is 42 * 42?", "1764", "openai/gpt-4o → anthropic/claude-haiku",
                "t-0032", "java.net.http.HttpTimeoutException", "(no answer)");
        assertThat(text).contains("1 answer named a model other than the one whose call ended it");
        assertThat(text).contains("brownout run scenarios/primary-outage.yaml --sut litellm --seed 42", "Seed 42",
                "runs/2025-03-14-baseline/result.json", "Java 21.0.5", "uPlot 1.6.30");
        assertThat(text).contains("Incomplete run.", "stopped by Ctrl-C during phase recovery",
                "the ledger of provider mistral was not kept");
    }

    @Test
    void theVerdictSectionSaysWhetherTheSutWasAliveAfterTheRun() {
        String html = HtmlReport.render(RunResultFixtures.full());
        String probe = text(html.substring(html.indexOf("id=\"probe\""), html.indexOf("</p>", html.indexOf("id=\"probe\""))));

        assertThat(html.indexOf("id=\"probe\"")).as("the probe line sits in the verdict section, before the charts")
                .isBetween(html.indexOf("id=\"verdict\""), html.indexOf("id=\"charts\""));
        assertThat(probe).as("the probe line").contains("Alive after the run:", "answered in 182ms, correct",
                "given 2s", "served by openai/gpt-4o, anthropic/claude-haiku");
    }

    @Test
    void aResultWithoutAProbeSaysNoneWasSent() {
        String text = text(HtmlReport.render(RunResultFixtures.minimal()));

        assertThat(text).as("the report of a run that sent no probe").contains("Alive after the run: " + ProbeResult.NOT_SENT);
    }

    @Test
    void minimalResultWithoutBaselineOrWindowsRenders() {
        String html = HtmlReport.render(RunResultFixtures.minimal());
        String text = text(html);

        assertThat(text).contains("unknown — no baseline", "PASS", "The result has no timeline windows to chart.",
                "The scenario declares no gates.", "No phase was played.", "The command line was not recorded.",
                "No exchange failed or scored below its baseline twin.");
        assertThat(text).contains("Unknown — no baseline to attribute a loss against.");
        assertThat(html).doesNotContain("id=\"chart-quality\"");
        assertThat(chartData(html).get("x")).isEmpty();
    }

    @Test
    void hostileTextFromTheResultIsEscaped() {
        RunResult hostile = withHostileText(RunResultFixtures.full());
        String html = HtmlReport.render(hostile);

        assertThat(html).doesNotContain(HOSTILE).doesNotContain("<img src=x").doesNotContain(BREAKOUT);
        assertThat(html).contains("&lt;script&gt;alert(");
        // a value is never read as a template
        assertThat(text(html)).contains("{{{uplotJs}}}");
        assertThat(count(html, "var uPlot=")).isEqualTo(1);
        // four script elements: the error catcher, the JSON data, uPlot and ours; nothing else opens or closes one
        assertThat(count(html, "<script")).isEqualTo(4);
        assertThat(count(html.toLowerCase(Locale.ROOT), "</script")).isEqualTo(4);
        assertThat(html).doesNotContain("<!--");
    }

    @Test
    void chartDataIsJsonThatCannotEndItsScriptElement() throws Exception {
        RunResult hostile = withHostileText(RunResultFixtures.full());
        String html = HtmlReport.render(hostile);
        String json = scriptData(html);

        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        JsonNode data = new ObjectMapper().readTree(json);
        assertThat(data.get("phases").get(1).get("name").asText()).isEqualTo(BREAKOUT);
        assertThat(data.get("x")).hasSize(2);
        // windows come in time order whatever order the result holds them in
        assertThat(data.get("x").get(0).asDouble()).isEqualTo(0.5);
        assertThat(data.get("baselineQuality").get(1).asDouble()).isEqualTo(0.82);
    }

    @Test
    void scriptJsonEscapesWhatHtmlWouldRead() {
        String json = ScriptJson.write(List.of("</script>&<!--", "line\u2028end"));

        assertThat(json).isEqualTo("[\"\\u003C/script\\u003E\\u0026\\u003C!--\",\"line\\u2028end\"]");
    }

    @Test
    void referencesNothingOnTheNetwork() {
        for (RunResult result : List.of(RunResultFixtures.full(), RunResultFixtures.minimal())) {
            String html = HtmlReport.render(result);

            Matcher attribute = Pattern.compile("(?i)\\b(src|href|action|poster|srcset|formaction|xlink:href)\\s*=\\s*[\"']?\\s*([a-z]+:|//)")
                    .matcher(html);
            assertThat(attribute.find()).as("an attribute that loads from elsewhere: %s",
                    attribute.hitEnd() ? "" : html.substring(Math.max(0, attribute.start() - 40), Math.min(html.length(), attribute.end() + 40)))
                    .isFalse();
            assertThat(html).doesNotContainPattern("(?i)url\\(\\s*[\"']?\\s*(https?:|//)");
            assertThat(html).doesNotContainPattern("(?i)@import");
            assertThat(html).doesNotContainPattern("(?i)<(link|iframe|object|embed|base)\\b");
            assertThat(html).doesNotContainPattern("(?i)<script[^>]*\\bsrc\\s*=");
            assertThat(html).doesNotContainPattern("(?i)\\b(fetch|XMLHttpRequest|importScripts|sendBeacon)\\s*\\(");
        }
    }

    @Test
    void fullResultIsSmall() {
        int bytes = HtmlReport.render(RunResultFixtures.full()).getBytes(StandardCharsets.UTF_8).length;

        assertThat(bytes).isLessThan(120 * 1024);
    }

    @Test
    void fiveThousandExchangesStayAFewHundredKilobytes() {
        RunResult large = GeneratedResults.large(5_000, 7);
        String html = HtmlReport.render(large);
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;

        assertThat(bytes).isLessThan(250 * 1024);
        assertThat(count(html, "<article class=\"exchange\"")).isEqualTo(ReportView.WORST_LIMIT);
        assertThat(html).contains("more characters)");
        assertThat(text(html)).contains("20 of ").contains("out of 5,000");
        assertThat(chartData(html).get("x")).hasSize(240);
    }

    @Test
    void worstExchangesAreFailuresAndDropsBiggestFirstAbortedLeftOut() {
        var full = RunResultFixtures.full().exchanges();
        ExchangeResult drop = full.get(0);
        ExchangeResult timeout = full.get(1);
        ExchangeResult aborted = copy(timeout, "t-aborted", "aborted", 0.0, 1.0);
        ExchangeResult fine = copy(drop, "t-fine", "answered", 1.0, 1.0);
        ExchangeResult better = copy(drop, "t-better", "answered", 1.0, 0.5);

        assertThat(ReportView.worstOf(List.of(fine, drop, aborted, better, timeout)))
                .extracting(ExchangeResult::taskId).containsExactly("t-0032", "t-0031");

        List<ExchangeResult> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(copy(drop, "t-" + i, "answered", i / 100.0, 1.0));
        }
        assertThat(ReportView.worstOf(many)).hasSize(ReportView.WORST_LIMIT)
                .first().extracting(ExchangeResult::taskId).isEqualTo("t-0");
    }

    @Test
    void commandLineIsQuotedForAShell() {
        assertThat(Format.shell(List.of("brownout", "run", "my scenario.yaml", "--sut", "it's", "--seed", "42")))
                .isEqualTo("brownout run 'my scenario.yaml' --sut 'it'\\''s' --seed 42");
    }

    @Test
    void figuresAreWrittenForPeople() {
        assertThat(Format.percent(0.2291)).isEqualTo("22.9%");
        assertThat(Format.millis(412.4)).isEqualTo("412ms");
        assertThat(Format.millis(2_950.0)).isEqualTo("2.95s");
        assertThat(Format.millis(200_000L)).isEqualTo("3m 20s");
        assertThat(Format.usd(12.345)).isEqualTo("$12.35");
        assertThat(Format.usd(0.000679)).isEqualTo("$0.000679");
        assertThat(Format.truncate("abcdef", 3)).isEqualTo("abc … (3 more characters)");
        assertThat(ReportView.clock(61_250)).isEqualTo("1:01.3");
    }


    @Test
    void aRunThatLeftBaselineTasksUnsentLeadsWithGoodputLoss() {
        String html = HtmlReport.render(RunResultFixtures.closedModel());
        String text = text(html);

        assertThat(html.indexOf("id=\"figure-goodput-loss\"")).as("the goodput figure").isPositive()
                .isLessThan(html.indexOf("id=\"figure-iq-loss\""));
        assertThat(text).as("the goodput figure's text").contains("Goodput loss", "56%",
                "120 of 240 baseline tasks were never sent", "95% interval 43.2% to 66.2%",
                "88 correct answers in 12s, baseline 200 in 12s");
        assertThat(text).as("the IQ loss figure's note")
                .contains("over the tasks both runs sent; the 120 never sent are not in it");
    }

    @Test
    void aRunThatSentEveryBaselineTaskShowsGoodputLossAfterIqLoss() {
        RunResult closed = RunResultFixtures.closedModel();
        var q = closed.quality();
        RunResult allSent = dev.brownout.reports.gate.ResultCopies.withQuality(closed, new dev.brownout.reports.Quality(
                q.score(), q.baselineScore(), q.iqLoss(), q.noiseFloor(), new dev.brownout.reports.Goodput(88, 12, 100L,
                12.0, new dev.brownout.reports.Estimate(0.12, -0.17, 0.35), 120L, 0)));

        String html = HtmlReport.render(allSent);

        assertThat(html.indexOf("id=\"figure-goodput-loss\"")).as("the goodput figure, once, after IQ loss")
                .isGreaterThan(html.indexOf("id=\"figure-iq-loss\"")).isEqualTo(html.lastIndexOf("id=\"figure-goodput-loss\""));
        assertThat(text(html)).doesNotContain("never sent");
    }

    @Test
    void thePhaseTableShowsEachPhasesGoodputLossAndUnsentTasks() {
        String text = text(HtmlReport.render(RunResultFixtures.closedModel()));

        assertThat(text).contains("Goodput loss", "62.5%", "46.8% to 74%", "90 not sent");
    }

    @Test
    void aResultWithoutGoodputHasNoGoodputFigure() {
        String html = HtmlReport.render(RunResultFixtures.full());

        assertThat(html).doesNotContain("figure-goodput-loss").doesNotContain("<th>Goodput loss</th>");
    }

    private static RunResult withHostileText(RunResult base) {
        List<ExchangeResult> exchanges = base.exchanges().stream()
                .map(e -> new ExchangeResult(HOSTILE, e.kind(), e.phase(), e.intendedMs(), e.startedMs(), e.firstByteMs(),
                        e.endedMs(), e.latencyMs(), e.outcome(), e.status(), e.errorClass(), HOSTILE, e.servedBy(),
                        e.truncated(), e.score(), e.baselineScore(), e.cause(), HOSTILE, HOSTILE, HOSTILE))
                .toList();
        ScenarioInfo s = base.scenario();
        List<PhaseSpec> timeline = s.timeline().stream()
                .map(p -> p.faulted() ? new PhaseSpec(BREAKOUT, p.atMs(), p.endMs(), List.of(HOSTILE)) : p)
                .toList();
        return new RunResult(base.schemaVersion(), new ScenarioInfo(HOSTILE, HOSTILE, s.seed(), s.timeScale(),
                s.loadScale(), s.durationMs(), timeline), base.sut(), base.versions(), List.of("brownout", HOSTILE),
                base.startedAt(), base.endedAt(), base.completed(), HOSTILE, base.baseline(), base.summary(),
                base.quality(), base.attribution(), base.phases(), base.timeline(), base.failover(), base.cost(),
                base.modelsServed(), base.conduct(), base.security(), base.gates(), exchanges, List.of(HOSTILE));
    }

    private static ExchangeResult copy(ExchangeResult e, String taskId, String outcome, double score, Double baselineScore) {
        return new ExchangeResult(taskId, e.kind(), e.phase(), e.intendedMs(), e.startedMs(), e.firstByteMs(), e.endedMs(),
                e.latencyMs(), outcome, e.status(), null, e.claimedModel(), e.servedBy(), e.truncated(), score,
                baselineScore, score < (baselineScore == null ? 1 : baselineScore) ? Cause.OTHER : null, e.expected(),
                e.prompt(), e.answer());
    }

    /** The page's visible text, roughly: tags out, entities back. */
    static String text(String html) {
        String withoutScripts = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ");
        return withoutScripts.replaceAll("<[^>]+>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&")
                .replaceAll("\\s+", " ");
    }

    private static String scriptData(String html) {
        Matcher matcher = Pattern.compile("(?s)<script type=\"application/json\" id=\"report-data\">(.*?)</script>").matcher(html);
        assertThat(matcher.find()).as("the page's JSON data").isTrue();
        return matcher.group(1);
    }

    private static JsonNode chartData(String html) {
        try {
            return new ObjectMapper().readTree(scriptData(html));
        } catch (Exception e) {
            throw new AssertionError("the page's data is not JSON: " + e.getMessage(), e);
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
