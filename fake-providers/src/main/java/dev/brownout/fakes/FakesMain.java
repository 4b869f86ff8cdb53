package dev.brownout.fakes;

import dev.brownout.fakes.admin.AdminToken;
import dev.brownout.fakes.config.Mappers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The standalone fake world: {@code java -jar brownout-fakes.jar [--config world.yaml]}. Once every
 * listener is up it prints exactly one line of JSON with the endpoints and credentials, then serves until
 * SIGTERM or until its standard input closes.
 */
@Command(name = "brownout-fakes", mixinStandardHelpOptions = true, version = "brownout-fakes 0.1.0",
        description = "Starts fake LLM providers on loopback and prints their endpoints as one JSON line.")
public final class FakesMain implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "WORLD.yaml",
            description = "World file (the shape of a scenario's 'world' section). Default: one OpenAI provider "
                    + "'openai' and one Anthropic provider 'anthropic' with the default catalog.")
    Path config;

    @Option(names = "--seed", description = "Overrides the world's seed (default 42).")
    Long seed;

    @Option(names = "--host", description = "Address to bind every listener to (default 127.0.0.1).")
    String host;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = {"Bearer token every admin call must carry. Default: $" + AdminToken.ENVIRONMENT_VARIABLE
                    + " if set; else none on 127.0.0.1, ::1 and localhost, and a generated one (printed on standard "
                    + "error and in the JSON line) on any other --host."})
    String adminToken;

    @Option(names = "--ignore-stdin",
            description = "Keep serving when standard input closes (for running in the background); stop with SIGTERM.")
    boolean ignoreStdin;

    private final InputStream stdin;
    private final PrintStream stdout;

    FakesMain(InputStream stdin, PrintStream stdout) {
        this.stdin = stdin;
        this.stdout = stdout;
    }

    private static final Map<String, String> LOGGING = Map.of(
            "org.slf4j.simpleLogger.defaultLogLevel", "warn",
            "org.slf4j.simpleLogger.logFile", "System.err",
            "org.slf4j.simpleLogger.showDateTime", "true",
            "org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");

    public static void main(String[] args) {
        // a library jar carries no logger settings, so the standalone jar sets its own unless given others
        LOGGING.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        int code = new CommandLine(new FakesMain(System.in, System.out)).execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() throws InterruptedException {
        WorldConfig world;
        try {
            world = config == null ? WorldConfig.defaults() : WorldConfig.load(config);
        } catch (IllegalArgumentException e) {
            System.err.println("brownout-fakes: " + e.getMessage());
            return 2;
        }
        world = new WorldConfig(seed != null ? seed : world.seed(), host != null ? host : world.host(),
                world.catalog(), world.providers(), world.oauth(), world.timeScale());
        AdminToken token;
        try {
            token = AdminToken.forHost(world.host(), adminToken != null ? adminToken
                    : System.getenv(AdminToken.ENVIRONMENT_VARIABLE));
        } catch (IllegalArgumentException e) {
            System.err.println("brownout-fakes: --admin-token: " + e.getMessage());
            return 2;
        }
        FakeWorld running;
        try {
            running = FakeWorld.start(world, null, token);
        } catch (RuntimeException e) {
            System.err.println("brownout-fakes: could not start the world: " + e.getMessage());
            return 1;
        }
        try {
            Map<String, Object> description = new LinkedHashMap<>(running.describe());
            if (token.required()) {
                description.put("admin_token", token.value());
                if (adminToken == null && System.getenv(AdminToken.ENVIRONMENT_VARIABLE) == null) {
                    System.err.println("brownout-fakes: admin token (send as 'Authorization: Bearer <token>'): "
                            + token.value());
                }
            }
            stdout.println(Mappers.json().writeValueAsString(description));
        } catch (IOException e) {
            System.err.println("brownout-fakes: could not describe the world: " + e.getMessage());
            running.close();
            return 1;
        }
        stdout.flush();
        ServeUntilStopped.serve(running::close, stdin, ignoreStdin);
        return 0;
    }
}
