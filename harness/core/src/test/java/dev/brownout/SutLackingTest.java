package dev.brownout;

import dev.brownout.scenario.SutCapability;
import dev.brownout.sut.SutReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Sut#lacking}: what a SUT built in Java declares it cannot do. */
class SutLackingTest {

    private final Sut sdk = Sut.inJvm("bare-sdk", endpoints -> request -> SutReply.ok("fine", "m"));

    @Test
    void aSutBuiltInThisJvmLacksWhatItDeclaresAndKeepsItsName() {
        Sut lacking = sdk.lacking(SutCapability.FALLBACK);

        assertThat(lacking.factory().lacking()).as("what it lacks").containsExactly(SutCapability.FALLBACK);
        assertThat(lacking.name()).as("its name").isEqualTo("bare-sdk");
        assertThat(sdk.factory().lacking()).as("what the SUT it came from lacks").isEmpty();
    }

    @Test
    void whatAReferenceGatewayLacksIsKeptAndAddedTo() {
        Sut naive = Sut.reference("naive");

        assertThat(naive.factory().lacking()).as("what reference:naive lacks").containsExactly(SutCapability.FALLBACK);
        assertThat(naive.lacking(SutCapability.STREAMING).factory().lacking()).as("what it lacks once declared more")
                .containsExactlyInAnyOrder(SutCapability.FALLBACK, SutCapability.STREAMING);
        assertThat(naive.lacking(SutCapability.STREAMING).argument()).as("the --sut argument that no longer says it all")
                .isEmpty();
        assertThat(naive.lacking(SutCapability.FALLBACK).argument()).as("the --sut argument that still says it all")
                .contains("reference:naive");
    }

    @Test
    void aNullCapabilitySaysWhichAreValid() {
        assertThatThrownBy(() -> sdk.lacking(SutCapability.FALLBACK, null)).as("a null capability")
                .isInstanceOf(NullPointerException.class).hasMessageContaining("FALLBACK or STREAMING");
    }
}
