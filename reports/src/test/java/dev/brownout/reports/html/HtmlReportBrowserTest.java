package dev.brownout.reports.html;

import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens rendered reports in headless Chromium: the page's own script must run without an error and draw its three
 * charts, and a screenshot is left at {@code reports/target/html-report.png}. Skipped when no {@code chromium} is
 * on the PATH (CI installs it).
 */
class HtmlReportBrowserTest {

    private static final Path TARGET = Path.of("target");
    private static final Pattern BODY = Pattern.compile("<body([^>]*)>");

    private static Path chromium;

    @BeforeAll
    static void findChromium() {
        chromium = onPath("chromium");
    }

    /** Per test rather than per class, so each skipped test shows in the test report with the reason. */
    @BeforeEach
    void needsChromium() {
        assumeTrue(chromium != null, "no chromium on the PATH; the browser test is skipped (apt-get install chromium)");
    }

    @Test
    void fullFixtureRunsItsScriptAndDrawsItsCharts() throws Exception {
        Path page = write("html-report.html", RunResultFixtures.full());
        Browser run = dumpDom(page);

        assertNoScriptErrors(run);
        assertThat(attribute(run.dom, "data-charts-drawn")).as(run.describe()).isEqualTo("3");
        assertThat(count(run.dom, "<canvas")).as("canvas elements").isGreaterThanOrEqualTo(3);
        String text = HtmlReportTest.text(run.dom);
        assertThat(text).contains("22.9%", "FAIL", "primary-down", "$0.0633");
        // uPlot's legend, built by the script, names our series
        assertThat(text).contains("baseline", "p99 latency");
    }

    @Test
    void fullFixtureScreenshotShowsSomething() throws Exception {
        Path page = write("html-report.html", RunResultFixtures.full());
        Path screenshot = TARGET.resolve("html-report.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        Browser run = chromium(page, "--screenshot=" + screenshot, "--window-size=1280,2000", "--hide-scrollbars");

        assertThat(screenshot).as(run.describe()).exists();
        assertThat(Files.size(screenshot)).as("screenshot size in bytes").isGreaterThan(10 * 1024);
    }

    @Test
    void fiveThousandExchangesRunTheScriptToo() throws Exception {
        Path page = write("html-report-large.html", GeneratedResults.large(5_000, 11));
        Browser run = dumpDom(page);

        assertNoScriptErrors(run);
        assertThat(attribute(run.dom, "data-charts-drawn")).as(run.describe()).isEqualTo("3");
        assertThat(HtmlReportTest.text(run.dom)).contains("slow-fallback", "15.2%");
        chromium(page, "--screenshot=" + TARGET.resolve("html-report-large.png").toAbsolutePath(),
                "--window-size=1280,2000", "--hide-scrollbars");
    }

    @Test
    void minimalResultRunsItsScriptWithoutCharts() throws Exception {
        Path page = write("html-report-minimal.html", RunResultFixtures.minimal());
        Browser run = dumpDom(page);

        assertNoScriptErrors(run);
        assertThat(attribute(run.dom, "data-charts-drawn")).isEqualTo("0");
        assertThat(HtmlReportTest.text(run.dom)).contains("unknown — no baseline");
    }

    private static void assertNoScriptErrors(Browser run) {
        assertThat(run.dom).as(run.describe()).contains("</body>");
        assertThat(attribute(run.dom, "data-errors")).as("script errors the page recorded; " + run.describe()).isEmpty();
    }

    private static Path write(String name, RunResult result) throws IOException {
        Files.createDirectories(TARGET);
        Path page = TARGET.resolve(name).toAbsolutePath();
        Files.writeString(page, HtmlReport.render(result), StandardCharsets.UTF_8);
        return page;
    }

    private static Browser dumpDom(Path page) throws Exception {
        return chromium(page, "--virtual-time-budget=5000", "--dump-dom");
    }

    private static Browser chromium(Path page, String... arguments) throws Exception {
        Path profile = Files.createTempDirectory(TARGET.toAbsolutePath(), "chromium-profile");
        Path out = Files.createTempFile(TARGET.toAbsolutePath(), "chromium", ".out");
        Path err = Files.createTempFile(TARGET.toAbsolutePath(), "chromium", ".err");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless=new", "--disable-gpu",
                "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(arguments));
        command.add(page.toUri().toString());
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish within 90 s: " + String.join(" ", command));
            }
            return new Browser(Files.readString(out), Files.readString(err), process.exitValue());
        } finally {
            deleteQuietly(profile);
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path path) {
        try (var paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary file under target/ is harmless
        }
    }

    private static String attribute(String dom, String name) {
        Matcher body = BODY.matcher(dom);
        assertThat(body.find()).as("a <body> in the dumped DOM").isTrue();
        Matcher value = Pattern.compile("\\b" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(body.group(1));
        assertThat(value.find()).as("<body %s> in %s", name, body.group()).isTrue();
        return value.group(1);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private record Browser(String dom, String log, int exit) {
        /** What went wrong, for a failure message: the exit code and the browser's console and log lines. */
        String describe() {
            List<String> lines = log.lines().filter(line -> line.contains("CONSOLE") || line.contains("ERROR")
                    || line.contains("Uncaught")).limit(20).toList();
            return "chromium exited " + exit + (lines.isEmpty() ? "" : "; its log: " + String.join(" / ", lines));
        }
    }
}
