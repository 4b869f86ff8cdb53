package dev.brownout.internal.sut;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The --sut shorthands. */
class SutShorthandTest {

    @Test
    void referenceNaiveIsTheNaiveGateway() {
        SutSpec spec = SutSpec.shorthand("reference:naive");

        assertThat(spec.adapter()).isEqualTo(SutAdapter.REFERENCE);
        assertThat(spec.gateway()).isEqualTo("naive");
        assertThat(spec.name()).isEqualTo("reference-naive");
    }

    @Test
    void referenceResilientIsTheResilientGateway() {
        assertThat(SutSpec.shorthand("reference:resilient").gateway()).isEqualTo("resilient");
    }

    @Test
    void openAiChatTakesTheBaseUrl() {
        SutSpec spec = SutSpec.shorthand("openai-chat=http://127.0.0.1:8787/v1");

        assertThat(spec.adapter()).isEqualTo(SutAdapter.OPENAI_CHAT);
        assertThat(spec.baseUrl()).isEqualTo("http://127.0.0.1:8787/v1");
        assertThat(spec.process()).isNull();
    }

    @Test
    void openAiResponsesTakesTheBaseUrl() {
        SutSpec spec = SutSpec.fromArgument("openai-responses=http://127.0.0.1:8787/v1");

        assertThat(spec.adapter()).as("adapter").isEqualTo(SutAdapter.OPENAI_RESPONSES);
        assertThat(spec.baseUrl()).as("base URL").isEqualTo("http://127.0.0.1:8787/v1");
    }

    @Test
    void anthropicMessagesTakesTheBaseUrl() {
        SutSpec spec = SutSpec.shorthand("anthropic-messages=http://127.0.0.1:8787");

        assertThat(spec.adapter()).isEqualTo(SutAdapter.ANTHROPIC_MESSAGES);
        assertThat(spec.baseUrl()).isEqualTo("http://127.0.0.1:8787");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference:clever", "openai=http://x", "http=http://127.0.0.1:1/ask", "naive", ""})
    void aBadShorthandListsTheAcceptedForms(String text) {
        SutSpecException error = catchThrowableOfType(SutSpecException.class, () -> SutSpec.shorthand(text));

        assertThat(error.getMessage()).contains("--sut").contains("reference:naive, reference:resilient, openai-chat=URL")
                .contains("openai-responses=URL").contains("anthropic-messages=URL");
    }

    @Test
    void aShorthandUrlMustBeAbsolute() {
        SutSpecException error = catchThrowableOfType(SutSpecException.class,
                () -> SutSpec.shorthand("openai-chat=localhost:8787/v1"));

        assertThat(error.getMessage()).contains("'localhost:8787/v1' must be an absolute http or https URL");
    }

    @Test
    void anArgumentEndingInYamlIsReadAsAFile() {
        SutSpecException error = catchThrowableOfType(SutSpecException.class, () -> SutSpec.fromArgument("missing-sut.yaml"));

        assertThat(error.getMessage()).contains("missing-sut.yaml").contains("cannot read the SUT file");
    }

    @Test
    void anArgumentThatReadsAsAShorthandIsOne() {
        assertThat(SutSpec.fromArgument("reference:naive").gateway()).isEqualTo("naive");
    }
}
