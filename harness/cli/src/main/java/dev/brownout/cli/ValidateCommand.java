package dev.brownout.cli;

import dev.brownout.fakes.config.DurationText;
import dev.brownout.input.FileProblem;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioException;
import dev.brownout.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code brownout validate FILE...}: checks scenario files against the schema and their meaning. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check scenario files: YAML, the JSON Schema, then their meaning. "
                + "Prints every problem as file:line:column: field: message; exits 1 when any file has one.")
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario YAML files.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (Path file : files) {
            try {
                Scenario scenario = ScenarioLoader.load(file);
                out.println(file + ": ok (" + scenario.name() + ", " + scenario.timeline().size() + " phases, "
                        + DurationText.format(scenario.duration()) + ")");
            } catch (ScenarioException e) {
                failed++;
                for (FileProblem problem : e.problems()) {
                    err.println(problem.describe());
                }
            }
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : 1;
    }
}
