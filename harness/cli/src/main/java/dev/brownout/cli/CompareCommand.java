package dev.brownout.cli;

import dev.brownout.reports.AtomicFile;
import dev.brownout.reports.compare.ComparisonHtml;
import dev.brownout.reports.compare.ComparisonMarkdown;
import dev.brownout.reports.compare.RunComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code brownout compare A B}: the same scenario before and after a change to the SUT. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        description = {"Compare two runs of the same scenario (before and after a change to the SUT) and write the "
                + "comparison as Markdown and as a self-contained HTML page, regressions beyond the noise marked.",
                "Exit codes: 0 written, 1 a regression was found and --fail-on-regression was given, 2 bad input."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The earlier run: its result.json or its run folder.")
    String before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The later run: its result.json or its run folder.")
    String after;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = {"Folder compare.md and compare.html are written to.", "Default: the current directory."})
    Path out;

    @Option(names = "--fail-on-regression", description = "Exit 1 when any figure got worse beyond the noise.")
    boolean failOnRegression;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunComparison comparison;
        try {
            ResultArgument earlier = ResultArgument.read(before);
            ResultArgument later = ResultArgument.read(after);
            comparison = RunComparison.of(earlier.result(), before, later.result(), after);
            Files.createDirectories(out);
            Path markdown = AtomicFile.write(out.resolve("compare.md"), ComparisonMarkdown.render(comparison));
            Path html = AtomicFile.write(out.resolve("compare.html"), ComparisonHtml.render(comparison));
            comparison.warnings().forEach(warning -> stdout.println("warning: " + warning));
            stdout.println(comparison.regressions().size() + " regression(s), " + comparison.improvements().size()
                    + " improvement(s)");
            stdout.println("markdown: " + markdown);
            stdout.println("html: " + html);
            stdout.flush();
        } catch (IllegalArgumentException | IOException e) {
            err.println("brownout compare: " + e.getMessage());
            err.flush();
            return RunCommand.BAD_INPUT;
        }
        return failOnRegression && comparison.hasRegression() ? 1 : 0;
    }
}
