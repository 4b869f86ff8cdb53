package dev.brownout.cli;

import dev.brownout.fakes.ServeUntilStopped;
import dev.brownout.fakes.admin.AdminToken;
import dev.brownout.faultproxy.ServerConfig;
import dev.brownout.faultproxy.ToxiproxyServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code brownout toxiproxy}: only the embedded Toxiproxy server, a drop-in for toxiproxy-server. */
@Command(name = "toxiproxy",
        mixinStandardHelpOptions = true,
        description = "Run the embedded Toxiproxy-compatible server until stopped (SIGTERM or Ctrl-C).")
final class ToxiproxyCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface for the control API (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8474", description = "Control API port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = {"Bearer token every control API call must carry. Default: $BROWNOUT_ADMIN_TOKEN if set; "
                    + "else none on 127.0.0.1, ::1 and localhost, and a generated one (printed on standard error) on "
                    + "any other --host."})
    String adminToken;

    @Option(names = "--config", paramLabel = "populate.json",
            description = "JSON array of proxies to create at start, as POST /populate takes it.")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        ToxiproxyServer server;
        try {
            server = start(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (IllegalArgumentException e) {
            System.err.println("brownout toxiproxy: " + e.getMessage());
            return 2;
        }
        // As toxiproxy-server: only a signal stops it, standard input does not.
        ServeUntilStopped.serve(server::close, System.in, true);
        return 0;
    }

    /**
     * Starts the server and applies the config file; the caller owns the returned server.
     *
     * @throws IllegalArgumentException for an admin token that cannot be sent in a header
     */
    ToxiproxyServer start(PrintWriter out, PrintWriter err) {
        String given = adminToken != null ? adminToken : System.getenv(AdminToken.ENVIRONMENT_VARIABLE);
        AdminToken token = AdminToken.forHost(host, given);
        ToxiproxyServer server = ToxiproxyServer.start(ServerConfig.defaults().withHost(host).withPort(port)
                .withToken(token.required() ? token.value() : null));
        if (token.required() && given == null) {
            err.println("Control API token (send as 'Authorization: Bearer <token>'): " + token.value());
        }
        out.println("Toxiproxy-compatible API (version " + ServerConfig.TOXIPROXY_VERSION
                + ") listening on " + server.url());
        if (config != null) {
            try {
                int count = server.populate(config);
                out.println("Populated " + count + " proxies from " + config);
            } catch (IOException | RuntimeException e) {
                // As toxiproxy-server: a bad config file is reported, the server keeps running.
                err.println("Could not populate from " + config + ": " + e.getMessage());
            }
        }
        return server;
    }
}
