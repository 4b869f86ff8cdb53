package dev.brownout.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Exploration: plays the test pack and prints what came out. */
class ScorecardCommandTest {

    @TempDir
    static Path folder;

    static int status;
    static String out;
    static String err;

    @BeforeAll
    static void playTheTestPackAgainstBothReferenceGateways() {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        long start = System.nanoTime();
        status = new CommandLine(new BrownoutCli()).setOut(new PrintWriter(o)).setErr(new PrintWriter(e)).execute(
                "scorecard", "src/test/resources/scorecard/pack", "--sut", "reference:naive", "--sut",
                "reference:resilient", "--parallel", "2", "--time-scale", "0.25", "--out",
                folder.resolve("card").toString());
        out = o.toString();
        err = e.toString();
        System.out.println("took " + (System.nanoTime() - start) / 1e9 + " s");
    }

    @Test
    void explore() throws Exception {
        System.out.println(status);
        System.out.println(out);
        System.out.println(err);
        System.out.println(Files.readString(folder.resolve("card/scorecard.md")));
        assertThat(status).isZero();
    }
}
