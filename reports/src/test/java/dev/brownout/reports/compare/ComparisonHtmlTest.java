package dev.brownout.reports.compare;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComparisonHtmlTest {

    private static final String HOSTILE = "<script>alert('x')</script>\"&<img src=x onerror=alert(1)>";

    private static String hostilePage() {
        return ComparisonHtml.render(RunComparison.of(
                Runs.run().scenario(HOSTILE, 42, 0.05, 0.5).sut(HOSTILE).phases(Runs.outagePhaseNamed(HOSTILE))
                        .p99(1_000.0).build(), HOSTILE,
                Runs.run().scenario(HOSTILE, 42, 0.05, 0.5).sut(HOSTILE).phases(Runs.outagePhaseNamed(HOSTILE))
                        .p99(2_000.0).build(), "B.json"));
    }

    @Test
    void hostileScenarioSutAndPhaseNamesAreEscaped() {
        String page = hostilePage();

        assertThat(page).doesNotContain("<script").doesNotContain("<img")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void thePageReferencesNothingOverTheNetwork() {
        String page = hostilePage();

        assertThat(page).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
                .doesNotContain("src=\"").doesNotContain("href=").doesNotContain("<link").contains("<style>");
    }

    @Test
    void aRegressionRowIsMarkedInTextNotByColourAlone() {
        String page = hostilePage();

        Matcher row = Pattern.compile("<tr class=\"regression\">(.*?)</tr>").matcher(page);
        assertThat(row.find()).as("a regression row").isTrue();
        assertThat(row.group(1)).contains("p99 latency").contains("REGRESSION");
    }

    @Test
    void theTitleAndTablesMatchTheMarkdown() {
        String page = hostilePage();

        assertThat(page).contains("<h1>&lt;script&gt;").contains(" → B.json</h1>")
                .contains("<th scope=\"col\">Judgement</th>").contains("<h2>Per phase</h2>");
        assertThat(Pattern.compile("<table>").matcher(page).results().count()).isEqualTo(2);
    }

    @Test
    void everyRowOfATableHasAsManyCellsAsItsHeader() {
        String page = hostilePage();

        Matcher table = Pattern.compile("<table>(.*?)</table>", Pattern.DOTALL).matcher(page);
        while (table.find()) {
            String body = table.group(1);
            long columns = Pattern.compile("<th ").matcher(body).results().count();
            Matcher row = Pattern.compile("<tr class=[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body);
            while (row.find()) {
                assertThat(Pattern.compile("<td").matcher(row.group(1)).results().count()).isEqualTo(columns);
            }
        }
    }

    @Test
    void theWriterEscapesAttributeValuesAndRefusesOddNames() {
        String html = new HtmlWriter().start("p", "title", "a\"b' onclick=x").text("<&>").end("p").finish();

        assertThat(html).contains("<p title=\"a&quot;b&#39; onclick=x\">&lt;&amp;&gt;</p>");
        assertThatThrownBy(() -> new HtmlWriter().start("p onclick=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HtmlWriter().start("p", "on click", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
