package dev.brownout.cli;

import dev.brownout.scenario.ScenarioLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioCommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void validateAcceptsTheShippedLibrary() {
        int status = run(new ValidateCommand(), "../../scenarios/library/oauth-outage.yaml", "../../scenarios/library/slow-stream.yaml");

        assertThat(status).as("exit status; stderr: " + err).isZero();
        assertThat(out.toString()).as("stdout").contains("oauth-outage.yaml: ok (oauth-outage, 3 phases, 4m)");
    }

    @Test
    void validatePrintsEveryProblemAndExitsOne(@TempDir Path folder) throws IOException {
        Path bad = folder.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of("../../scenarios/library/oauth-outage.yaml"))
                .replace("rate: 20/s", "rate: 20 per second").replace("timeout: 30s", "timout: 30s"));

        int status = run(new ValidateCommand(), bad.toString());

        assertThat(status).as("exit status").isEqualTo(1);
        assertThat(err.toString().lines()).as("stderr")
                .anySatisfy(line -> assertThat(line).startsWith(bad + ":").contains("field 'workload.rate'"))
                .anySatisfy(line -> assertThat(line).contains("did you mean 'timeout'?"))
                .noneSatisfy(line -> assertThat(line).contains("Exception"));
    }

    @Test
    void listNamesEveryShippedScenario() {
        int status = run(new ListCommand());

        assertThat(status).as("exit status").isZero();
        assertThat(out.toString().lines()).as("listed lines")
                .anySatisfy(line -> assertThat(line).startsWith("oauth-outage  ").contains("token endpoint"));
        List<String> named = out.toString().lines().filter(line -> !line.isBlank() && !line.startsWith("pack "))
                .map(line -> line.split(" ", 2)[0]).toList();
        List<String> shipped = new ArrayList<>(ScenarioLibrary.names());
        ScenarioLibrary.packs().forEach(pack -> shipped.addAll(ScenarioLibrary.pack(pack)));
        assertThat(named).as("scenarios listed, one a line, the library's then each pack's").isEqualTo(shipped);
    }

    @Test
    void listIntroducesEachPackWithHowToPlayIt() {
        run(new ListCommand());

        for (String pack : ScenarioLibrary.packs()) {
            assertThat(out.toString()).as("the heading of pack " + pack)
                    .contains("pack " + pack + ": " + ScenarioLibrary.pack(pack).size() + " scenarios (./brownout scorecard "
                            + pack + " --sut ... plays them all)");
        }
    }

    @Test
    void theBrownoutCommandDispatchesValidateAndList() {
        assertThat(run(new BrownoutCli(), "list")).as("brownout list").isZero();
        assertThat(run(new BrownoutCli(), "validate", "../../scenarios/library/primary-hard-down.yaml"))
                .as("brownout validate; stderr: " + err).isZero();
        assertThat(out.toString()).contains("primary-hard-down.yaml: ok");
    }
}
