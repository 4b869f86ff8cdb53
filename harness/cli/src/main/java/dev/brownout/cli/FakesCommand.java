package dev.brownout.cli;

import dev.brownout.Brownout;
import dev.brownout.BrownoutWorld;
import dev.brownout.fakes.ServeUntilStopped;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.admin.AdminToken;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.input.FileProblem;
import dev.brownout.input.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code brownout fakes}: starts a fake world, every fake behind its own fault proxy, prints the proxy
 * endpoints and credentials, and serves until SIGTERM or the end of standard input.
 */
@Command(name = "fakes",
        mixinStandardHelpOptions = true,
        description = "Start the fake world (each fake behind a fault proxy) and print its endpoints and credentials.")
final class FakesCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "SCENARIO",
            description = "A scenario file or the name of a shipped scenario; its world is started. "
                    + "Default: one OpenAI provider 'openai' and one Anthropic provider 'anthropic'.")
    String scenario;

    @Option(names = "--json", description = "Print one line of JSON instead of text: endpoints, environment, and what "
            + "'brownout run --world' needs to drive this world from elsewhere (admin URLs, proxy control URL, token).")
    boolean json;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = {"Address every listener binds to: the fakes, their proxies and the proxy control API. "
                    + "Any address but 127.0.0.1, ::1 and localhost requires an admin token.", "Default: ${DEFAULT-VALUE}."})
    String host;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = {"Bearer token every admin and proxy control call must carry. Default: $"
                    + AdminToken.ENVIRONMENT_VARIABLE + " if set; else none on 127.0.0.1, ::1 and localhost, and a "
                    + "generated one (printed on standard error and in the JSON line) on any other --host."})
    String adminToken;

    @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "1",
            description = {"Run the models' pace and the per-minute rate limits on a clock this many times as long, "
                    + "as 'brownout run --time-scale' does: a world for 'run --world' must be started at the time "
                    + "scale the runs play at.", "Default: ${DEFAULT-VALUE}."})
    double timeScale;

    @Option(names = "--ignore-stdin",
            description = "Keep serving when standard input closes (for running in the background); stop with SIGTERM.")
    boolean ignoreStdin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final InputStream stdin;

    FakesCommand() {
        this(System.in);
    }

    FakesCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BrownoutWorld world;
        AdminToken token;
        String given = adminToken != null ? adminToken : System.getenv(AdminToken.ENVIRONMENT_VARIABLE);
        try {
            token = AdminToken.forHost(host, given);
        } catch (IllegalArgumentException e) {
            err.println("brownout fakes: --admin-token: " + e.getMessage());
            err.flush();
            return 2;
        }
        try {
            world = scenario == null ? Brownout.world(WorldConfig.defaults().withHost(host).withTimeScale(timeScale), token)
                    : Brownout.world(scenario, timeScale, host, token);
        } catch (InvalidInputException e) {
            for (FileProblem problem : e.problems()) {
                err.println(problem.describe());
            }
            err.flush();
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("brownout fakes: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (token.required() && given == null) {
            err.println("brownout fakes: admin token (send as 'Authorization: Bearer <token>'): " + token.value());
            err.flush();
        }
        try {
            print(world, out);
        } catch (IOException | RuntimeException e) {
            world.close();
            throw e;
        }
        ServeUntilStopped.serve(world::close, stdin, ignoreStdin);
        return 0;
    }

    private void print(BrownoutWorld world, PrintWriter out) throws IOException {
        if (json) {
            out.println(Mappers.json().writeValueAsString(world.description()));
        } else {
            world.endpoints().providers().forEach(provider -> out.println(provider.name() + " (" + provider.dialect()
                    + ", " + provider.auth() + "): " + provider.baseUrl()));
            world.endpoints().oauth().ifPresent(oauth -> out.println("oauth: token " + oauth.tokenUrl()));
            out.println();
            world.environment().forEach((name, value) -> out.println("export " + name + "='" + value + "'"));
        }
        out.flush();
    }
}
