package dev.brownout.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code brownout} command; each capability is a subcommand. */
@Command(name = "brownout",
        mixinStandardHelpOptions = true,
        versionProvider = BrownoutCli.Version.class,
        description = "Chaos and brownout test harness for LLM gateways and agent systems.",
        subcommands = {DemoCommand.class, RunCommand.class, GateCommand.class, ReportCommand.class, CompareCommand.class,
                FakesCommand.class, ToxiproxyCommand.class, ValidateCommand.class, ListCommand.class,
                ScorecardCommand.class})
public final class BrownoutCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // an in-JVM reference gateway logs its own troubles as they happen; the run's console is for the run
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        System.exit(new CommandLine(new BrownoutCli()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BrownoutCli.class.getPackage().getImplementationVersion();
            return new String[] {"brownout " + (version == null ? "development build" : version)};
        }
    }
}
