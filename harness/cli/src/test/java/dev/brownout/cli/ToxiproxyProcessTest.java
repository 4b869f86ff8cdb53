package dev.brownout.cli;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code brownout toxiproxy} as its own process: it serves the API and stops cleanly on SIGTERM. */
class ToxiproxyProcessTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");

    @Test
    void servesTheApiAndStopsCleanlyOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                BrownoutCli.class.getName(), "toxiproxy", "--port", "0"))
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    String next;
                    while ((next = out.readLine()) != null) {
                        if (LISTENING.matcher(next).find()) {
                            return next;
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat(line).as("startup line naming the control API address").isNotNull();
            Matcher matcher = LISTENING.matcher(line);
            assertThat(matcher.find()).as("address in the startup line").isTrue();
            int port = Integer.parseInt(matcher.group(2));

            HttpResponse<String> version = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(matcher.group(1) + "/version")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(version.body()).as("version from the standalone server").contains("2.12.0");

            process.destroy();

            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("process ended within 10 s of SIGTERM").isTrue();
            assertThat(Listening.accepts("127.0.0.1:" + port)).as("control port still accepting after exit").isFalse();
        } finally {
            process.destroyForcibly();
        }
    }
}
