package dev.brownout.gatling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verification step after Gatling, on result.json fixtures taken from a real tiny run. */
class VerifyBrownoutGatesTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "verify").toAbsolutePath();

    @Test
    void aRunWhoseGatesPassedVerifiesAndPrintsEachGate() {
        List<String> lines = VerifyBrownoutGates.verify(FIXTURES.resolve("passing"));

        assertThat(lines).as("the lines printed for a passing run")
                .anySatisfy(line -> assertThat(line).contains("availability >= 90%").contains("passed"))
                .anySatisfy(line -> assertThat(line).contains("PASS"));
    }

    @Test
    void aFailedGateFailsNamingTheGate() {
        assertThatThrownBy(() -> VerifyBrownoutGates.verify(FIXTURES.resolve("failing")))
                .as("verifying a run whose gate 'availability < 50%%' failed")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Brownout gates failed: availability < 50%")
                .hasMessageNotContaining("failed: availability >= 90%");
    }

    @Test
    void anIncompleteRunFailsWithItsReason() {
        assertThatThrownBy(() -> VerifyBrownoutGates.verify(FIXTURES.resolve("incomplete")))
                .as("verifying a run Gatling crashed in, whose gates passed")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is incomplete (Gatling ended before after() ran)");
    }

    @Test
    void aMissingLastRunFileIsAClearErrorNamingItAndTheSimulation(@TempDir Path workDir) {
        Path lastRun = workDir.resolve("target/brownout-gatling/last-run.txt");

        assertThatThrownBy(() -> VerifyBrownoutGates.verify(null, lastRun))
                .as("verifying when no simulation wrote %s", lastRun)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(lastRun + " is missing")
                .hasMessageContaining("BrownoutGatling.start");
    }

    @Test
    void theLastRunFileNamesTheFolderToVerify(@TempDir Path workDir) throws IOException {
        Path lastRun = workDir.resolve("last-run.txt");
        Files.writeString(lastRun, FIXTURES.resolve("failing") + "\nbound=POINT\n");

        assertThatThrownBy(() -> VerifyBrownoutGates.verify(null, lastRun))
                .as("verifying the run folder last-run.txt names")
                .hasMessageContaining("availability < 50%");
    }

    @Test
    void aFolderWithoutResultJsonIsAClearError(@TempDir Path folder) {
        assertThatThrownBy(() -> VerifyBrownoutGates.verify(folder))
                .as("verifying a folder that has no result.json")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(folder.resolve("result.json") + " is missing");
    }

    @Test
    void runWithJavaAFailedGateExits1WithTheMessageAndNoStackTrace() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                VerifyBrownoutGates.class.getName(), FIXTURES.resolve("failing").toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("java VerifyBrownoutGates ended").isTrue();

        assertThat(process.exitValue()).as("exit code of java VerifyBrownoutGates on a failed gate; output:%n%s", output)
                .isEqualTo(1);
        assertThat(output).as("its output").contains("Brownout gates failed: availability < 50%")
                .doesNotContain("\tat dev.brownout");
    }
}
