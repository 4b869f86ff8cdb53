package dev.brownout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakesCommandTest {

    @Test
    void printsProxyEndpointsThatServeAndStopsWhenStdinCloses() throws Exception {
        PipedOutputStream stdinWriter = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(stdinWriter);
        PipedReader outputReader = new PipedReader(1 << 16);
        PrintWriter output = new PrintWriter(new PipedWriter(outputReader), true);
        CommandLine command = new CommandLine(new FakesCommand(stdin)).setOut(output).setErr(new PrintWriter(new StringWriter()));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> command.execute("--scenario", "primary-hard-down", "--json"));

        JsonNode line = Mappers.json().readTree(new BufferedReader(outputReader).readLine());
        JsonNode primary = line.path("providers").path(0);
        String baseUrl = primary.path("base_url").asText();
        assertThat(line.path("environment").path("BROWNOUT_PRIMARY_BASE_URL").asText()).isEqualTo(baseUrl);
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(primary.path("api_key").asText()).build();
        try {
            var completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                    .model(primary.path("models").path(0).asText()).addUserMessage("hello").build());
            assertThat(completion.choices()).as("an answer through the printed proxy address").isNotEmpty();
        } finally {
            client.close();
        }

        stdinWriter.close();

        assertThat(exit.get(20, TimeUnit.SECONDS)).as("exit status after stdin closed").isZero();
        URI uri = URI.create(baseUrl);
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
            }
        }).as("the proxy port is closed after the world stopped").isInstanceOf(ConnectException.class);
    }

    @Test
    void anUnknownScenarioIsABadInputWithTheShippedNames() throws IOException {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new FakesCommand(new PipedInputStream(new PipedOutputStream())))
                .setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("--scenario", "no-such-scenario");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("no-such-scenario", "oauth-outage").doesNotContain("Exception");
    }
}
