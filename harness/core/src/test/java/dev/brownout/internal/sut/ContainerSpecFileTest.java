package dev.brownout.internal.sut;

import dev.brownout.input.FileProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The container: section of SUT files: what a good one reads into, and each mistake reported at its place. */
class ContainerSpecFileTest {

    @TempDir
    Path folder;

    @Test
    void aFullContainerSectionReadsIntoItsSpec() {
        SutSpec spec = parse("""
                name: socat-gateway
                adapter: openai-chat
                api_key: "{{providers.primary.api_key}}"
                container:
                  image: alpine/socat:1.8.0.3
                  command: ["TCP-LISTEN:8080,fork,reuseaddr", "TCP:{{providers.primary.address}}"]
                  environment: { LOG_LEVEL: debug }
                  port: 8080
                  ready: { http: /v1/models, status: 401, timeout: 30s }
                """);

        assertThat(spec.container()).as("the container section").isEqualTo(new ContainerSpec("alpine/socat:1.8.0.3",
                List.of("TCP-LISTEN:8080,fork,reuseaddr", "TCP:{{providers.primary.address}}"), Map.of("LOG_LEVEL", "debug"),
                8080, new ContainerSpec.Readiness(ContainerSpec.Readiness.Kind.HTTP, "/v1/models", 401, Duration.ofSeconds(30))));
        assertThat(spec.process()).as("a container SUT has no process").isNull();
    }

    @Test
    void anOpenAiGatewayInAContainerDefaultsToItsPublishedPortUnderV1() {
        SutSpec spec = parse("""
                name: gw
                adapter: openai-chat
                container: { image: my/gateway, port: 4000 }
                """);

        assertThat(spec.baseUrl()).as("base_url left out").isEqualTo("{{container.url}}/v1");
    }

    @Test
    void anAnthropicGatewayInAContainerDefaultsToItsPublishedOrigin() {
        SutSpec spec = parse("""
                name: gw
                adapter: anthropic-messages
                container: { image: my/gateway, port: 4000 }
                """);

        assertThat(spec.baseUrl()).as("base_url left out").isEqualTo("{{container.url}}");
    }

    @Test
    void withoutAReadyCheckTheContainerWaitsForItsPortToListen() {
        SutSpec spec = parse("""
                name: gw
                adapter: openai-chat
                container: { image: my/gateway, port: 4000 }
                """);

        assertThat(spec.container().readiness()).as("the default readiness check").isEqualTo(new ContainerSpec.Readiness(
                ContainerSpec.Readiness.Kind.TCP, "4000", null, ReadinessCheck.DEFAULT_TIMEOUT));
        assertThat(spec.container().command()).as("no command: the image's own").isEmpty();
    }

    @Test
    void anHttpServiceInAContainerNamesItsUrlFromTheContainer() {
        SutSpec spec = parse("""
                name: svc
                adapter: http
                http: { url: "{{container.url}}/ask", answer_pointer: /answer }
                container: { image: my/service, port: 9000, ready: { log_line: "started on port \\\\d+" } }
                """);

        assertThat(spec.container().readiness()).as("a log line check").isEqualTo(new ContainerSpec.Readiness(
                ContainerSpec.Readiness.Kind.LOG_LINE, "started on port \\d+", null, ReadinessCheck.DEFAULT_TIMEOUT));
    }

    @Test
    void aMissingImageIsRequired() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container: { port: 8080 }
                """);

        assertThat(problem.describe()).as("the problem").isEqualTo("sut.yaml:3:12: field 'container': missing the required field 'image'");
    }

    @Test
    void anImageNameWithASpaceIsRefused() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container: { image: "my gateway", port: 8080 }
                """);

        assertThat(problem.field()).as("the field").isEqualTo("container.image");
        assertThat(problem.message()).as("the message").startsWith("must be an image name without spaces, e.g. alpine/socat:1.8.0.3");
    }

    @Test
    void aPortOutOfRangeSaysWhatAPortIs() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container: { image: my/gateway, port: 70000 }
                """);

        assertThat(problem.describe()).as("the problem")
                .isEqualTo("sut.yaml:3:39: field 'container.port': must be a port number from 1 to 65535, e.g. 8080 (got 70000)");
    }

    @Test
    void aPortThatIsNotANumberSaysWhatAPortIs() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container: { image: my/gateway, port: http }
                """);

        assertThat(problem.field()).as("the field").isEqualTo("container.port");
        assertThat(problem.message()).as("the message").startsWith("must be a port number from 1 to 65535, e.g. 8080");
    }

    @Test
    void aMissingPortIsRequired() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container: { image: my/gateway }
                """);

        assertThat(problem.message()).as("the message").isEqualTo("missing the required field 'port'");
    }

    @Test
    void anUnknownReadinessKindIsPlacedAtItsKey() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container:
                  image: my/gateway
                  port: 8080
                  ready: { healthcheck: true }
                """);

        assertThat(problem.describe()).as("the problem")
                .startsWith("sut.yaml:6:12: field 'container.ready.healthcheck': unknown field 'healthcheck'");
    }

    @Test
    void aReadinessCheckNeedsExactlyOneKind() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container:
                  image: my/gateway
                  port: 8080
                  ready: { http: /health, tcp: 8080 }
                """);

        assertThat(problem.field()).as("the field").isEqualTo("container.ready");
        assertThat(problem.message()).as("the message").isEqualTo("needs exactly one of http (a path), tcp (a port inside "
                + "the container) or log_line (a regular expression) (got http, tcp)");
    }

    @Test
    void aReadinessCheckWithOnlyATimeoutNamesTheKinds() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container:
                  image: my/gateway
                  port: 8080
                  ready: { timeout: 2m }
                """);

        assertThat(problem.message()).as("the message").isEqualTo("needs exactly one of http (a path), tcp (a port inside "
                + "the container) or log_line (a regular expression)");
    }

    @Test
    void aReadinessPathMustStartWithASlash() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container:
                  image: my/gateway
                  port: 8080
                  ready: { http: health }
                """);

        assertThat(problem.field()).as("the field").isEqualTo("container.ready.http");
        assertThat(problem.message()).as("the message").startsWith("must be a path starting with /, e.g. /health");
    }

    @Test
    void aStatusWithoutAnHttpCheckIsRefusedAtItsKey() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container:
                  image: my/gateway
                  port: 8080
                  ready: { tcp: 8080, status: 200 }
                """);

        assertThat(problem.describe()).as("the problem").isEqualTo(
                "sut.yaml:6:23: field 'container.ready.status': a status goes with http: the path that must answer it");
    }

    @Test
    void aStatusOutsideHttpsRangeIsRefused() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container:
                  image: my/gateway
                  port: 8080
                  ready: { http: /health, status: 42 }
                """);

        assertThat(problem.field()).as("the field").isEqualTo("container.ready.status");
        assertThat(problem.message()).as("the message").startsWith("must be an HTTP status from 100 to 599, e.g. 200");
    }

    @Test
    void anInvalidLogLineRegexIsReportedAtIt() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container:
                  image: my/gateway
                  port: 8080
                  ready: { log_line: "listening (on" }
                """);

        assertThat(problem.field()).as("the field").isEqualTo("container.ready.log_line");
        assertThat(problem.message()).as("the message").startsWith("is not a valid regular expression");
    }

    @Test
    void aZeroReadinessTimeoutIsRefused() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container:
                  image: my/gateway
                  port: 8080
                  ready: { tcp: 8080, timeout: 0s }
                """);

        assertThat(problem.field()).as("the field").isEqualTo("container.ready.timeout");
        assertThat(problem.message()).as("the message").isEqualTo("must be longer than zero");
    }

    @Test
    void aProcessAndAContainerTogetherAreRefusedAtTheContainerKey() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process: { command: [gw] }
                container: { image: my/gateway, port: 8080 }
                """);

        assertThat(problem.describe()).as("the problem").isEqualTo("sut.yaml:5:1: field 'container': a SUT is started "
                + "either as a process or in a container, not both; keep one of process: and container:");
    }

    @Test
    void aReferenceGatewayTakesNoContainer() {
        FileProblem problem = onlyProblem("""
                name: ref
                adapter: reference
                gateway: naive
                container: { image: my/gateway, port: 8080 }
                """);

        assertThat(problem.field()).as("the field").isEqualTo("container");
        assertThat(problem.message()).as("the message").startsWith("adapter reference does not use 'container'");
    }

    @Test
    void anUnknownFieldInTheContainerSuggestsTheClosestOne() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                container:
                  image: my/gateway
                  port: 8080
                  env: { A: b }
                """);

        assertThat(problem.field()).as("the field").isEqualTo("container.env");
        assertThat(problem.message()).as("the message").contains("unknown field 'env'").contains("environment");
    }

    private SutSpec parse(String yaml) {
        return SutSpec.parse(yaml, "sut.yaml", folder);
    }

    private FileProblem onlyProblem(String yaml) {
        SutSpecException error = catchThrowableOfType(SutSpecException.class, () -> parse(yaml));
        assertThat(error).as("the problems of\n%s", yaml).isNotNull();
        List<FileProblem> problems = error.problems();
        assertThat(problems).as(error.getMessage()).hasSize(1);
        return problems.getFirst();
    }
}
