package dev.brownout.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command's --help renders as written: picocli formats descriptions, so a bare % would break one. */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutAFormattingWarning() {
        CommandLine cli = new CommandLine(new BrownoutCli());
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        StringBuilder help = new StringBuilder(cli.getUsageMessage());
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (Map.Entry<String, CommandLine> command : cli.getSubcommands().entrySet()) {
                help.append(command.getValue().getUsageMessage());
            }
        } finally {
            System.setErr(stderr);
        }

        assertThat(cli.getSubcommands()).as("commands whose help was rendered").containsKeys("run", "gate", "report", "demo");
        assertThat(warnings.toString(StandardCharsets.UTF_8)).as("what picocli said while rendering every --help").isEmpty();
        assertThat(help).as("the gate option's description, its percent sign intact").contains("95% interval");
    }
}
