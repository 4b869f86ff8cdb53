package dev.brownout.internal.sut;

import dev.brownout.input.FileProblem;
import dev.brownout.scenario.SutCapability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code capabilities:} in a SUT file, and what the shorthands declare. */
class SutCapabilitiesTest {

    @TempDir
    Path folder;

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

    @Test
    void aGatewayDeclaringNoFallbackLacksExactlyThat() {
        SutSpec spec = parse("""
                name: bare-sdk
                adapter: openai-chat
                base_url: http://127.0.0.1:8787/v1
                capabilities: { fallback: false, streaming: true }
                """);

        assertThat(spec.capabilities()).as("declared capabilities").isEqualTo(new SutCapabilities(false, true));
        assertThat(SutFactory.of(spec).lacking()).as("what the SUT lacks").containsExactly(SutCapability.FALLBACK);
    }

    @Test
    void aFileDeclaringNothingLacksNothing() {
        SutSpec spec = parse("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:8787/v1
                """);

        assertThat(spec.capabilities()).as("capabilities of a file without any").isEqualTo(SutCapabilities.UNDECLARED);
        assertThat(SutFactory.of(spec).lacking()).as("what an undeclared SUT lacks").isEmpty();
    }

    @Test
    void theNaiveReferenceGatewayHasNoFallbackAndTheResilientOneHasOne() {
        assertThat(SutFactory.of(SutSpec.shorthand("reference:naive")).lacking()).as("reference:naive lacks")
                .containsExactly(SutCapability.FALLBACK);
        assertThat(SutFactory.of(SutSpec.shorthand("reference:resilient")).lacking()).as("reference:resilient lacks")
                .isEmpty();
    }

    @Test
    void aReferenceGatewayFileMayOverrideWhatTheGatewayDeclares() {
        SutSpec spec = parse("""
                name: naive-no-stream
                adapter: reference
                gateway: naive
                capabilities: { streaming: false }
                """);

        assertThat(spec.capabilities()).as("the file's streaming, the naive gateway's fallback")
                .isEqualTo(new SutCapabilities(false, false));
    }

    @Test
    void aCapabilityThatIsNotAFlagSaysSo() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:8787/v1
                capabilities: { fallback: sometimes }
                """);

        assertThat(problem.field()).as("field of the problem").isEqualTo("capabilities.fallback");
        assertThat(problem.message()).as("message of the problem").startsWith("must be true or false");
    }

    @Test
    void anUnknownCapabilityNamesTheKnownOnes() {
        FileProblem problem = onlyProblem("""
                name: gw
                adapter: openai-chat
                base_url: http://127.0.0.1:8787/v1
                capabilities: { failover: true }
                """);

        assertThat(problem.describe()).as("the problem").startsWith("sut.yaml:4:17: field 'capabilities.failover': "
                + "unknown field 'failover'").contains("fallback, streaming");
    }
}
