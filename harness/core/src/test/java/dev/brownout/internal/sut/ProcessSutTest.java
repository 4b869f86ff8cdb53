package dev.brownout.internal.sut;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import dev.brownout.world.WorldEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** SUTs the harness starts as processes: started in front of the world, ready, driven, stopped with their children. */
class ProcessSutTest {

    private static final String GATEWAY_TEMPLATE = """
            host: 127.0.0.1
            port: {{port}}
            upstreams:
            {{#provider_list}}
              - name: {{name}}
                base_url: "{{base_url}}"
                api_key: "{{api_key}}"
                model: {{model}}
            {{/provider_list}}
            """;

    @TempDir
    Path folder;

    private static String flowList(List<String> items) {
        return items.stream().map(item -> new TextNode(item).toString()).collect(Collectors.joining(", ", "[", "]"));
    }

    private SutSpec spec(String yaml) {
        return SutSpec.parse(yaml, "sut.yaml", folder);
    }

    private static StartedSut start(SutSpec spec, WorldEndpoints world, Path runDir) {
        return SutStarter.start(spec, world, SutFixtures.environmentOf(world), runDir, 1.0);
    }

    @Test
    void aGatewayProcessConfiguredFromTheWorldAnswersThroughItAndIsGoneAfterClose() throws Exception {
        Files.writeString(folder.resolve("naive.yaml.mustache"), GATEWAY_TEMPLATE);
        SutSpec spec = spec("""
                name: naive-process
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process:
                  command: %s
                  config_template: naive.yaml.mustache
                  ready: { http: "http://127.0.0.1:{{port}}/v1/models", timeout: 60s }
                  stop_grace: 5s
                """.formatted(flowList(SutFixtures.java("dev.brownout.gateways.naive.NaiveGateway", "{{config_file}}"))));
        Path runDir = folder.resolve("run");
        java.util.Set<Path> configFoldersBefore = configFolders();

        try (ProxiedWorld world = SutFixtures.startWorld()) {
            StartedSut sut = start(spec, world.endpoints(), runDir);
            ProcessHandle process = sut.process().orElseThrow();
            int port = URI.create(sut.baseUrl().orElseThrow()).getPort();
            List<ProcessHandle> children = process.descendants().toList();
            try {
                for (int i = 0; i < 3; i++) {
                    SutReply reply = sut.sut().send(new SutRequest("task-" + i, "What is 2 + " + i + "?", i == 2,
                            Duration.ofSeconds(20)));
                    assertThat(reply.status()).isEqualTo(200);
                    assertThat(reply.answer()).isNotBlank();
                    assertThat(reply.model()).isEqualTo("frontier");
                }
                List<ProviderCall> calls = world.fakes().provider("primary").ledger().all();
                assertThat(calls).hasSize(3).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
                assertThat(runDir.resolve("naive.yaml")).as("the rendered config, which holds the world's keys, is kept out of the run folder")
                        .doesNotExist();
                assertThat(configFolders()).as("private config folders while the SUT runs").hasSize(configFoldersBefore.size() + 1);
                assertThat(Files.readString(runDir.resolve(SutProcess.STDOUT_LOG))).contains("http://127.0.0.1:" + port + "/v1");
            } finally {
                sut.close();
            }

            assertThat(process.isAlive()).isFalse();
            assertThat(children).noneMatch(ProcessHandle::isAlive);
            assertThat(configFolders()).as("private config folders after the SUT stopped").isEqualTo(configFoldersBefore);
            assertThat(SutFixtures.accepts(port)).as("port %d after close", port).isFalse();
            assertThat(sut.exited()).isCompleted();
        }
    }

    @Test
    void closeStopsTheProcessAndEveryChildItStarted() {
        SutSpec spec = spec("""
                name: tree
                adapter: command
                command: { argv: [cat] }
                process:
                  command: [sh, -c, 'sleep 60 & sleep 60 & echo started; wait']
                  ready: { log_line: started, timeout: 10s }
                  stop_grace: 2s
                """);
        StartedSut sut = start(spec, SutFixtures.paperWorld(), folder);
        ProcessHandle process = sut.process().orElseThrow();
        List<ProcessHandle> children = process.descendants().toList();
        assertThat(children).hasSizeGreaterThanOrEqualTo(2);

        sut.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aProcessIgnoringSigtermIsKilledAfterTheGrace() {
        SutSpec spec = spec("""
                name: stubborn
                adapter: command
                command: { argv: [cat] }
                process:
                  command: [sh, -c, 'trap "" TERM; echo started; while true; do sleep 0.1; done']
                  ready: { log_line: started, timeout: 10s }
                  stop_grace: 500ms
                """);
        StartedSut sut = start(spec, SutFixtures.paperWorld(), folder);
        ProcessHandle process = sut.process().orElseThrow();

        long began = System.nanoTime();
        sut.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void closeIsIdempotentAndQuietOnAProcessThatAlreadyDied() throws Exception {
        SutSpec spec = spec("""
                name: short-lived
                adapter: command
                command: { argv: [cat] }
                process:
                  command: [sh, -c, 'echo started; sleep 0.2']
                  ready: { log_line: started, timeout: 10s }
                """);
        StartedSut sut = start(spec, SutFixtures.paperWorld(), folder);
        sut.exited().get(10, TimeUnit.SECONDS);

        assertThatCode(() -> {
            sut.close();
            sut.close();
        }).doesNotThrowAnyException();
    }

    @Test
    void exitedCompletesWithTheExitCodeWhenTheProcessCrashes() throws Exception {
        SutSpec spec = spec("""
                name: crashing
                adapter: command
                command: { argv: [cat] }
                process:
                  command: [sh, -c, 'echo ready; sleep 0.3; echo "segfault-ish" >&2; exit 7']
                  ready: { log_line: ready, timeout: 10s }
                """);
        try (StartedSut sut = start(spec, SutFixtures.paperWorld(), folder)) {
            assertThat(sut.exited().get(10, TimeUnit.SECONDS)).isEqualTo(7);
            assertThat(Files.readString(sut.stderrLog().orElseThrow())).contains("segfault-ish");
        }
    }

    @Test
    void aProcessNotReadyInTimeIsStoppedAndTheErrorShowsItsOutput() throws Exception {
        SutSpec spec = spec("""
                name: slow
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process:
                  command: [sh, -c, 'echo $$ > sut.pid; echo "still warming caches"; exec sleep 60']
                  ready: { tcp: "127.0.0.1:{{port}}", timeout: 1s }
                  stop_grace: 1s
                """);

        SutStartException error = catchThrowableOfType(SutStartException.class,
                () -> start(spec, SutFixtures.paperWorld(), folder));

        assertThat(error.getMessage()).startsWith("SUT 'slow' was not ready within PT1S (waiting for 127.0.0.1:")
                .contains("it was stopped").contains("still warming caches");
        long pid = Long.parseLong(Files.readString(folder.resolve("sut.pid")).strip());
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid %d", pid).isEmpty();
    }

    @Test
    void aProcessThatExitsDuringStartupFailsWithItsOutputTail() {
        SutSpec spec = spec("""
                name: broken
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process:
                  command: [sh, -c, 'echo "reading config"; echo "config error: no upstreams" >&2; exit 3']
                  ready: { http: "http://127.0.0.1:{{port}}/health", timeout: 30s }
                """);

        SutStartException error = catchThrowableOfType(SutStartException.class,
                () -> start(spec, SutFixtures.paperWorld(), folder));

        assertThat(error.getMessage()).startsWith("SUT 'broken' exited with code 3 before it was ready")
                .contains("reading config").contains("config error: no upstreams");
        assertThat(error.getStackTrace()).isEmpty();
    }

    @Test
    void aProgramThatCannotRunIsAClearError() {
        SutSpec spec = spec("""
                name: missing
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process: { command: [no-such-brownout-gateway-binary] }
                """);

        SutStartException error = catchThrowableOfType(SutStartException.class,
                () -> start(spec, SutFixtures.paperWorld(), folder));

        assertThat(error.getMessage()).startsWith("cannot start the SUT process [no-such-brownout-gateway-binary]");
    }

    @Test
    void theProcessSeesTheWorldsVariablesAndItsOwnRenderedEnvironment() throws Exception {
        SutSpec spec = spec("""
                name: env
                adapter: command
                command: { argv: [cat] }
                process:
                  command: [sh, -c, 'echo "$BROWNOUT_PRIMARY_BASE_URL $GATEWAY_MODEL $GATEWAY_PORT"; exec sleep 60']
                  environment: { GATEWAY_MODEL: "{{providers.backup.model}}", GATEWAY_PORT: "{{port}}" }
                  ready: { log_line: "mid \\\\d+$", timeout: 10s }
                  stop_grace: 1s
                """);

        try (StartedSut sut = start(spec, SutFixtures.paperWorld(), folder)) {
            assertThat(Files.readString(sut.stdoutLog().orElseThrow())).startsWith("http://127.0.0.1:18001/v1 mid ");
        }
    }

    /** The private folders rendered SUT configs live in while their SUT runs. */
    private static java.util.Set<Path> configFolders() throws java.io.IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("brownout-sut-config-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }
}
