package dev.brownout.internal.sut;

import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import dev.brownout.world.WorldEndpoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The http adapter against a real HTTP server. */
class HttpSutTest {

    private final WorldEndpoints world = SutFixtures.paperWorld();
    private final WorldTemplateModel model = WorldTemplateModel.of(world, SutFixtures.environmentOf(world));
    private final RecordingServer server = new RecordingServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpSut sut(String body, String answerPointer, String modelPointer) {
        return HttpSut.of(new HttpRequestTemplate("POST", server.url() + "/ask?tenant=a&key={{providers.primary.api_key}}",
                body, answerPointer, modelPointer), Map.of("X-Task", "{{task_id}}"), model);
    }

    private static SutRequest task(String prompt) {
        return new SutRequest("task-7", prompt, false, Duration.ofSeconds(5));
    }

    @Test
    void theAnswerIsReadAtTheAnswerPointer() throws Exception {
        server.answering(200, "application/json", "{\"output\":[{\"text\":\"42\"}],\"meta\":{\"model\":\"mid\"}}");

        SutReply reply = sut("{\"q\": {{prompt_json}}}", "/output/0/text", null).send(task("6*7?"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.answer()).isEqualTo("42");
        assertThat(reply.model()).isNull();
    }

    @Test
    void theModelIsReadAtTheModelPointer() throws Exception {
        server.answering(200, "application/json", "{\"output\":[{\"text\":\"42\"}],\"meta\":{\"model\":\"mid\"}}");

        SutReply reply = sut("{}", "/output/0/text", "/meta/model").send(task("6*7?"));

        assertThat(reply.model()).isEqualTo("mid");
    }

    @Test
    void theRequestIsRenderedFromTheTaskAndTheWorld() throws Exception {
        server.answering(200, "application/json", "{\"a\":\"ok\"}");

        sut("{\"id\": \"{{task_id}}\", \"q\": {{prompt_json}}, \"stream\": {{stream}}}", "/a", null)
                .send(task("Say \"hi\" & <bye>\nnow"));

        RecordingServer.Recorded request = server.last();
        assertThat(request.path()).isEqualTo("/ask?tenant=a&key=sk-primary");
        assertThat(request.header("X-Task")).isEqualTo("task-7");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"id\": \"task-7\", \"q\": \"Say \\\"hi\\\" & <bye>\\nnow\", \"stream\": false}");
    }

    @Test
    void aNon2xxStatusIsAnErrorReplyWithThatStatus() throws Exception {
        server.answering(503, "application/json", "{\"error\":\"overloaded\"}");

        SutReply reply = sut("{}", "/a", null).send(task("x"));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.answer()).contains("overloaded");
    }

    @Test
    void aBodyThatIsNotJsonIsAClearError() {
        server.answering(200, "text/html", "<html>" + "gateway says hello ".repeat(30) + "</html>");

        assertThatThrownBy(() -> sut("{}", "/answer", null).send(task("x")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the SUT's reply is not JSON, so there is no answer at /answer; it began: '<html>gateway")
                .hasMessageEndingWith("...'")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(320));
    }

    @Test
    void aMissingAnswerNamesThePointer() {
        server.answering(200, "application/json", "{\"result\":{\"text\":\"42\"}}");

        assertThatThrownBy(() -> sut("{}", "/answer/text", null).send(task("x")))
                .isInstanceOf(IOException.class)
                .hasMessage("the SUT's reply has no answer at /answer/text; it began: '{\"result\":{\"text\":\"42\"}}'");
    }

    @Test
    void aTemplateNamingAnUnknownVariableFailsBeforeAnyTask() {
        assertThatThrownBy(() -> sut("{\"q\": {{promt_json}}}", "/a", null))
                .isInstanceOf(TemplateException.class)
                .hasMessage("http.body line 1: unknown template variable 'promt_json'");
        assertThat(server.requests()).isEmpty();
    }
}
