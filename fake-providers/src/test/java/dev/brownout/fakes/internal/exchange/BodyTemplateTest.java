package dev.brownout.fakes.internal.exchange;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyTemplateTest {

    @Test
    void valuesAreFilledInTheOrderOfTheirMarkersWhereverTheBodyPutsThem() {
        BodyTemplate template = BodyTemplate.of(3, markers -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("b", markers.get(2));
            body.putArray("a").add(markers.get(0)).add(markers.get(1));
            return body.toString();
        });

        assertThat(new String(template.fill("x\"y", 42L, null), StandardCharsets.UTF_8))
                .as("a string escaped and quoted, a number bare, null as null, each where its marker was")
                .isEqualTo("{\"b\":null,\"a\":[\"x\\\"y\",42]}");
    }

    @Test
    void aMarkerMissingFromTheBodyIsRefusedWhenTheTemplateIsMade() {
        assertThatThrownBy(() -> BodyTemplate.of(2, markers ->
                JsonNodeFactory.instance.objectNode().put("a", markers.get(0)).toString()))
                .as("a template whose body lost a value")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("value 1 exactly once");
    }

    @Test
    void aValueOfAnotherKindIsRefused() {
        BodyTemplate template = BodyTemplate.of(1, markers ->
                JsonNodeFactory.instance.arrayNode().add(markers.get(0)).toString());

        assertThatThrownBy(() -> template.fill(1.5))
                .as("a fractional number, which the template does not write")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Double");
    }
}
