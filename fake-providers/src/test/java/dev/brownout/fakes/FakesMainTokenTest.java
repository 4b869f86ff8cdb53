package dev.brownout.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.admin.AdminToken;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone fakes on an address other than 127.0.0.1 generate a token, print it in their line and require it. */
class FakesMainTokenTest {

    @Test
    void onAnotherAddressTheLineCarriesTheTokenTheAdminApiRequires() throws Exception {
        Assumptions.assumeTrue(System.getenv(AdminToken.ENVIRONMENT_VARIABLE) == null,
                "BROWNOUT_ADMIN_TOKEN is set in this environment, so no token is generated");
        PipedOutputStream stdin = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(stdin);
        PipedInputStream printed = new PipedInputStream(1 << 16);
        PrintStream stdout = new PrintStream(new PipedOutputStream(printed), true, StandardCharsets.UTF_8);
        ExecutorService serving = Executors.newSingleThreadExecutor();
        try (HttpClient http = HttpClient.newHttpClient()) {
            Future<Integer> exit = serving.submit(() -> new CommandLine(new FakesMain(in, stdout))
                    .execute("--host", "127.0.0.2"));
            JsonNode line = Mappers.json().readTree(new BufferedReader(new InputStreamReader(printed,
                    StandardCharsets.UTF_8)).readLine());
            String token = line.path("admin_token").asText();
            HttpRequest.Builder behaviour = HttpRequest.newBuilder(URI.create(line.path("providers").path(0)
                    .path("admin_url").asText() + "/behaviour"));

            assertThat(token).as("the generated token in the line").hasSize(64);
            assertThat(http.send(behaviour.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("an admin call without it").isEqualTo(401);
            assertThat(http.send(behaviour.header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("an admin call with it").isEqualTo(200);

            stdin.close();
            assertThat(exit.get(20, TimeUnit.SECONDS)).as("exit status once stdin closed").isZero();
        } finally {
            serving.shutdownNow();
        }
    }
}
