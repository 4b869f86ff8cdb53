package dev.brownout.cli;

import dev.brownout.faultproxy.ToxiproxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import dev.brownout.fakes.admin.AdminToken;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    void onAnotherAddressTheControlApiRequiresTheGeneratedTokenItPrints() throws Exception {
        Assumptions.assumeTrue(System.getenv(AdminToken.ENVIRONMENT_VARIABLE) == null,
                "BROWNOUT_ADMIN_TOKEN is set in this environment, so no token is generated");
        ToxiproxyCommand command = parse("toxiproxy", "--host", "127.0.0.2", "--port", "0");
        StringWriter err = new StringWriter();

        try (ToxiproxyServer server = command.start(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
             HttpClient http = HttpClient.newHttpClient()) {
            Matcher printed = Pattern.compile("token \\(send as 'Authorization: Bearer <token>'\\): (\\S+)")
                    .matcher(err.toString());
            assertThat(printed.find()).as("a generated token on stderr: %s", err).isTrue();
            HttpRequest.Builder proxies = HttpRequest.newBuilder(server.url().resolve("/proxies"));

            assertThat(http.send(proxies.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("GET /proxies without the token").isEqualTo(401);
            assertThat(http.send(proxies.header("Authorization", "Bearer " + printed.group(1)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("GET /proxies with the printed token")
                    .isEqualTo(200);
        }
    }

    @Test
    void aTokenAHeaderCannotCarryIsBadInput() {
        StringWriter err = new StringWriter();
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = new CommandLine(new BrownoutCli()).setErr(new PrintWriter(err))
                    .execute("toxiproxy", "--port", "0", "--admin-token", "two words");
        } finally {
            System.setErr(stderr);
        }

        assertThat(status).as("exit status for a token with a space").isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).as("what it printed")
                .contains("printable ASCII without spaces").doesNotContain("Exception");
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
