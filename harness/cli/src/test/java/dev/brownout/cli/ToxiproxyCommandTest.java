package dev.brownout.cli;

import dev.brownout.faultproxy.ToxiproxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code brownout toxiproxy}: toxiproxy-server's flags, loopback by default, config file applied at start. */
class ToxiproxyCommandTest {

    private static ToxiproxyCommand parse(String... args) {
        CommandLine cli = new CommandLine(new BrownoutCli());
        CommandLine.ParseResult result = cli.parseArgs(args);
        return (ToxiproxyCommand) result.subcommand().commandSpec().userObject();
    }

    @Test
    void defaultsToLoopbackOnToxiproxysPort() {
        ToxiproxyCommand command = parse("toxiproxy");

        assertThat(command.host).as("default host").isEqualTo("127.0.0.1");
        assertThat(command.port).as("default port").isEqualTo(8474);
        assertThat(command.config).as("default config").isNull();
    }

    @Test
    void startsAServerThatToxiproxyJavaCanDriveWithProxiesFromTheConfigFile(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("populate.json");
        Files.writeString(config, "[{\"name\":\"redis\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:6379\"}]");
        ToxiproxyCommand command = parse("toxiproxy", "--port", "0", "--config", config.toString());
        StringWriter out = new StringWriter();

        try (ToxiproxyServer server = command.start(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))) {
            ToxiproxyClient client = new ToxiproxyClient(server.host(), server.port());
            Proxy redis = client.getProxy("redis");

            assertThat(server.host()).as("bound host").isEqualTo("127.0.0.1");
            assertThat(redis.getUpstream()).as("upstream from the config file").isEqualTo("127.0.0.1:6379");
            assertThat(redis.isEnabled()).as("config proxies start enabled").isTrue();
            assertThat(out.toString()).as("startup message").contains("listening on http://127.0.0.1:" + server.port());
        }
    }

    @Test
    void aBadConfigFileIsReportedAndTheServerStillRuns(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("broken.json");
        Files.writeString(config, "{\"not\":\"an array\"}");
        ToxiproxyCommand command = parse("toxiproxy", "--port", "0", "--config", config.toString());
        StringWriter err = new StringWriter();

        try (ToxiproxyServer server = command.start(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))) {
            assertThat(err.toString()).as("error output").contains("Could not populate");
            assertThat(new ToxiproxyClient(server.host(), server.port()).version()).as("server answers").contains("2.12.0");
        }
    }

    @Test
    void unknownSubcommandFailsWithAUsageError() {
        int exit = new CommandLine(new BrownoutCli()).setErr(new PrintWriter(new StringWriter())).execute("nope");

        assertThat(exit).as("exit code for an unknown subcommand").isEqualTo(2);
    }
}
