package dev.brownout.cli;

import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.format.Figures;
import dev.brownout.reports.html.HtmlReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report of a real measured run (the short outage against the naive gateway, after its baseline)
 * opened in headless Chromium: no script errors, the three charts drawn, the key figures in the page text,
 * and a screenshot left at {@code harness/cli/target/real-run-report.png}. Skipped, saying so, without chromium.
 */
class RealRunReportBrowserTest {

    private static final Path TARGET = Path.of("target");

    @TempDir
    Path runs;

    @Test
    void theReportOfARealRunOpensWithoutErrorsWithItsChartsDrawnAndItsFigures() throws Exception {
        Path chromium = onPath("chromium");
        assumeTrue(chromium != null, "no chromium on the PATH; the browser test is skipped (apt-get install chromium)");
        int status = new CommandLine(new BrownoutCli()).setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(new StringWriter()))
                .execute("run", "src/test/resources/run/short-outage.yaml", "--sut", "reference:naive", "--warmup", "300ms",
                        "--out", runs.toString());
        assertThat(status).as("the run played").isZero();
        Path run;
        try (Stream<Path> folders = Files.list(runs)) {
            run = folders.findFirst().orElseThrow();
        }
        RunResult result = RunResults.read(run.resolve(RunResults.FILE_NAME));
        Path page = run.resolve("report.html");
        assertThat(Files.readString(page)).as("report.html is the rendering of result.json").isEqualTo(HtmlReport.render(result));

        String dom = chromium(chromium, page, "--virtual-time-budget=5000", "--dump-dom");
        Path screenshot = TARGET.resolve("real-run-report.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium(chromium, page, "--screenshot=" + screenshot, "--window-size=1280,2000", "--hide-scrollbars");

        assertThat(attribute(dom, "data-errors")).as("script errors the page recorded").isEmpty();
        assertThat(attribute(dom, "data-charts-drawn")).as("charts drawn").isEqualTo("3");
        assertThat(dom).as("the page text")
                .contains("short-outage")
                .contains(Figures.percent(result.quality().iqLoss().value()))
                .contains("down");
        assertThat(screenshot).as("the screenshot").isRegularFile();
        assertThat(Files.size(screenshot)).as("the screenshot's size").isGreaterThan(10_000);
    }

    private static String chromium(Path chromium, Path page, String... arguments) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless=new", "--disable-gpu",
                "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        command.add(page.toUri().toString());
        Path out = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s");
        }
        return Files.readString(out);
    }

    private static String attribute(String dom, String name) {
        Matcher matcher = Pattern.compile("<body[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
        return matcher.find() ? matcher.group(1) : "(no " + name + " attribute on <body>)";
    }

    private static Path onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
