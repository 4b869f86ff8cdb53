package dev.brownout.internal.sut;

import dev.brownout.sut.SutRequest;
import dev.brownout.world.WorldEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Templates see the world, write values as they are, and refuse a variable the world does not have. */
class WorldTemplateModelTest {

    private final WorldEndpoints world = SutFixtures.paperWorld();
    private final WorldTemplateModel model = WorldTemplateModel.of(world, SutFixtures.environmentOf(world));

    @TempDir
    Path runDir;

    @Test
    void providerValuesAreNamedByProvider() {
        assertThat(model.render("{{providers.primary.base_url}} {{providers.primary.api_key}} {{providers.primary.dialect}} "
                + "{{providers.primary.auth}} {{providers.primary.model}}", "t"))
                .isEqualTo("http://127.0.0.1:18001/v1 sk-primary openai api-key frontier");
    }

    @Test
    void oauthValuesAreTheFirstClients() {
        assertThat(model.render("{{oauth.token_url}} {{oauth.issuer}} {{oauth.jwks_url}} {{oauth.discovery_url}} "
                + "{{oauth.client_id}} {{oauth.client_secret}} {{oauth.refresh_token}}", "t"))
                .isEqualTo("http://127.0.0.1:18003/oauth/token http://127.0.0.1:18003 "
                        + "http://127.0.0.1:18003/.well-known/jwks.json http://127.0.0.1:18003/.well-known/openid-configuration "
                        + "gateway s3cret rt-1");
    }

    @Test
    void everyBrownoutVariableIsUnderEnv() {
        assertThat(model.render("{{env.BROWNOUT_BACKUP_BASE_URL}} {{env.BROWNOUT_OAUTH_AGENT_CLIENT_SECRET}}", "t"))
                .isEqualTo("http://127.0.0.1:18002 other");
    }

    @Test
    void anOAuthProviderCarriesTheClientCredentialsAGatewayGetsItsTokensWith() {
        assertThat(model.render("{{#provider_list}}{{name}}:{{#oauth_client}}{{client_id}}/{{client_secret}}/{{refresh_token}}@{{token_url}}{{/oauth_client}};{{/provider_list}}", "t"))
                .as("only the OAuth provider (backup) has an oauth_client; the api-key primary does not inherit the world's")
                .isEqualTo("primary:;backup:gateway/s3cret/rt-1@http://127.0.0.1:18003/oauth/token;");
    }

    @Test
    void brownoutNamesThisJavaAndAnAbsoluteClassPathThatFindsTheReferenceGateways() {
        String javaPath = model.render("{{brownout.java}}", "t");
        String classPath = model.render("{{brownout.classpath}}", "t");

        assertThat(Path.of(javaPath)).as("brownout.java").isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java")).isExecutable();
        assertThat(classPath.split(File.pathSeparator)).as("brownout.classpath entries")
                .isNotEmpty().allSatisfy(entry -> assertThat(Path.of(entry)).as(entry).isAbsolute());
    }

    @Test
    void aProvidersAddressIsItsProxysHostAndPortForATcpForwarder() {
        assertThat(model.render("{{providers.primary.address}} {{providers.backup.address}}", "t"))
                .as("the providers' addresses").isEqualTo("127.0.0.1:18001 127.0.0.1:18002");
    }

    @Test
    void theContainersAddressIsThereOnceItRuns() {
        assertThat(model.withContainer("localhost", 32768).render("{{container.url}}|{{container.host}}|{{container.port}}", "t"))
                .as("container.url, .host and .port").isEqualTo("http://localhost:32768|localhost|32768");
    }

    @Test
    void providerListIteratesTheProvidersInOrder() {
        assertThat(model.render("{{#provider_list}}{{name}}={{model}};{{/provider_list}}", "t"))
                .isEqualTo("primary=frontier;backup=mid;");
    }

    @Test
    void portRunDirAndConfigFileAreThereOnceTheHarnessHasThem() {
        WorldTemplateModel started = model.withPort(4321).withRunDir(runDir).withConfigFile(runDir.resolve("gw.yaml"));

        assertThat(started.render("{{port}}|{{run_dir}}|{{config_file}}", "t"))
                .isEqualTo("4321|" + runDir.toAbsolutePath() + "|" + runDir.toAbsolutePath().resolve("gw.yaml"));
    }

    @Test
    void anUnknownVariableIsAnErrorNamingIt() {
        assertThatThrownBy(() -> model.render("url: {{providers.primary.base_url}}\nkey: {{providers.primry.api_key}}", "gateway.yaml"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("gateway.yaml line 2: unknown template variable 'providers.primry.api_key'");
    }

    @Test
    void aValueTheWorldDoesNotHaveIsAnErrorNotAnEmptyString() {
        assertThatThrownBy(() -> model.render("{{providers.backup.api_key}}", "headers.Authorization"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("'providers.backup.api_key'");
    }

    @Test
    void portIsUnknownWhereTheHarnessPickedNone() {
        assertThatThrownBy(() -> model.render("http://127.0.0.1:{{port}}/v1", "base_url"))
                .hasMessage("base_url line 1: unknown template variable 'port'");
    }

    @Test
    void aSectionOverAMissingNameIsSkipped() {
        assertThat(model.render("{{#providers.backup.api_key}}key{{/providers.backup.api_key}}"
                + "{{^providers.backup.api_key}}no key{{/providers.backup.api_key}}", "t")).isEqualTo("no key");
    }

    @Test
    void nothingIsHtmlEscaped() {
        WorldTemplateModel withQuery = model.with("callback", "http://127.0.0.1:9/cb?a=1&b=<2>\"'");

        assertThat(withQuery.render("{{callback}}", "t")).isEqualTo("http://127.0.0.1:9/cb?a=1&b=<2>\"'");
    }

    @Test
    void anUnclosedTagIsATemplateError() {
        assertThatThrownBy(() -> model.render("{{#providers}}", "gateway.yaml"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("gateway.yaml: not a valid Mustache template");
    }

    @Test
    void worldValuesLandInHeadersAndBodyOfAGatewayRequest() throws Exception {
        try (RecordingServer gateway = new RecordingServer().answering(200, "application/json",
                "{\"model\":\"frontier\",\"choices\":[{\"message\":{\"content\":\"4\"}}]}")) {
            SutSpec spec = SutSpec.parse("""
                    name: gw
                    adapter: openai-chat
                    base_url: %s/v1
                    api_key: "{{providers.primary.api_key}}"
                    headers:
                      X-Upstream: "{{providers.backup.base_url}}/v1/messages?x=1&y=2"
                    body:
                      temperature: 0
                      metadata: { client: "{{oauth.client_id}}" }
                    """.formatted(gateway.url()), "sut.yaml", runDir);

            try (StartedSut sut = SutStarter.start(spec, world, SutFixtures.environmentOf(world), runDir, 1.0)) {
                sut.sut().send(new SutRequest("t-1", "2+2?", false, Duration.ofSeconds(5)));
            }

            RecordingServer.Recorded request = gateway.last();
            assertThat(request.header("Authorization")).isEqualTo("Bearer sk-primary");
            assertThat(request.header("X-Upstream")).isEqualTo("http://127.0.0.1:18002/v1/messages?x=1&y=2");
            assertThat(request.body()).contains("\"temperature\":0").contains("\"metadata\":{\"client\":\"gateway\"}")
                    .contains("\"model\":\"frontier\"").contains("\"content\":\"2+2?\"");
        }
    }

    @Test
    void worldValuesLandInARenderedConfigFile() throws Exception {
        Path template = runDir.resolve("gateway.yaml.mustache");
        Files.writeString(template, """
                primary: {{providers.primary.base_url}}?region=eu&tier=1
                secret: {{oauth.client_secret}}
                listen: {{port}}
                """);
        Path sutFolder = Files.createDirectories(runDir.resolve("sut"));
        SutSpec spec = SutSpec.parse("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process:
                  command: [sh, -c, 'cat "$0"; exec sleep 60', "{{config_file}}"]
                  config_template: ../gateway.yaml.mustache
                  ready: { log_line: "^secret: s3cret$", timeout: 10s }
                  stop_grace: 1s
                """, "sut.yaml", sutFolder);
        Path run = runDir.resolve("run");

        try (StartedSut sut = SutStarter.start(spec, world, SutFixtures.environmentOf(world), run, 1.0)) {
            // the process printed its config file (which lives outside the run folder) to its stdout log
            String rendered = Files.readString(run.resolve("sut.stdout.log"));
            assertThat(run.resolve("gateway.yaml")).as("the rendered config holds secrets: not in the run folder").doesNotExist();
            String port = sut.baseUrl().orElseThrow().replaceAll(".*:(\\d+)/v1", "$1");
            assertThat(rendered).isEqualTo("primary: http://127.0.0.1:18001/v1?region=eu&tier=1\nsecret: s3cret\nlisten: "
                    + port + "\n");
        }
    }

    @Test
    void aTemplateErrorLeavesNothingRunning(@TempDir Path elsewhere) {
        SutSpec spec = SutSpec.parse("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                api_key: "{{providers.primary.key}}"
                process:
                  command: [sh, -c, 'echo $$ > pid; exec sleep 60']
                  ready: { log_line: never }
                """, "sut.yaml", elsewhere);

        assertThatThrownBy(() -> SutStarter.start(spec, world, Map.of(), runDir, 1.0))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("api_key").hasMessageContaining("'providers.primary.key'");
        assertThat(runDir.resolve("pid")).doesNotExist();
    }
}
