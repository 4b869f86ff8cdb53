package dev.brownout.cli;

import dev.brownout.Brownout;
import dev.brownout.scenario.LibraryScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code brownout list}: the scenarios that ship with Brownout, the library's own and then each pack's. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "List the shipped scenarios with a one-line summary each: the library's own, then each pack's "
                + "(a pack's scenario is named pack/scenario; `brownout scorecard PACK` plays a whole pack).")
final class ListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<LibraryScenario> scenarios = Brownout.library();
        int width = scenarios.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        Map<String, List<LibraryScenario>> groups = new LinkedHashMap<>();
        for (LibraryScenario scenario : scenarios) {
            int slash = scenario.name().indexOf('/');
            groups.computeIfAbsent(slash < 0 ? "" : scenario.name().substring(0, slash), pack -> new ArrayList<>())
                    .add(scenario);
        }
        groups.forEach((pack, members) -> {
            if (!pack.isEmpty()) {
                out.println();
                out.println("pack " + pack + ": " + members.size() + " scenarios (./brownout scorecard " + pack
                        + " --sut ... plays them all)");
            }
            for (LibraryScenario scenario : members) {
                out.println(String.format("%-" + width + "s  %s", scenario.name(), scenario.summary()));
            }
        });
        out.flush();
        return 0;
    }
}
