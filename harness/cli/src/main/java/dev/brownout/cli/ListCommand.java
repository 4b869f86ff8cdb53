package dev.brownout.cli;

import dev.brownout.Brownout;
import dev.brownout.scenario.LibraryScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code brownout list}: the scenarios that ship with Brownout. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "List the shipped scenarios with a one-line summary each.")
final class ListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<LibraryScenario> scenarios = Brownout.library();
        int width = scenarios.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (LibraryScenario scenario : scenarios) {
            out.println(String.format("%-" + width + "s  %s", scenario.name(), scenario.summary()));
        }
        out.flush();
        return 0;
    }
}
