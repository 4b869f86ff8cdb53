package dev.brownout.fakes.internal.exchange;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** A token frame filled into its template is byte for byte the frame a JSON tree would have written. */
class FrameTemplateTest {

    private static String treeFrame(String piece) {
        ObjectNode chunk = JsonNodeFactory.instance.objectNode();
        chunk.put("id", "chatcmpl-1");
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", piece);
        return "data: " + chunk + "\n\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", " with space", "quote \" and backslash \\", "new\nline\ttab\r",
            "control \u0001\u001f", "non-ASCII é ß 漢字 😀", "separators \u2028\u2029", "", "\u0000"})
    void aTemplatedFrameEqualsTheTreeBuiltFrame(String piece) {
        FrameTemplate template = FrameTemplate.of(FrameTemplateTest::treeFrame);

        assertThat(template.with(piece)).as("the templated frame for %s", piece).isEqualTo(treeFrame(piece));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", " with space", "quote \" and backslash \\", "new\nline\ttab\r",
            "control \u0001\u001f", "non-ASCII é ß 漢字 😀", "separators \u2028\u2029", "", "\u0000"})
    void aTemplatedFrameAppendedAsBytesIsTheTreeBuiltFrameInUtf8(String piece) {
        FrameTemplate template = FrameTemplate.of(FrameTemplateTest::treeFrame);
        FrameBuffer frames = new FrameBuffer();
        frames.append("before|");

        template.appendTo(frames, piece);

        assertThat(Arrays.copyOf(frames.array(), frames.length()))
                .as("the bytes appended for %s, after what the buffer held", piece)
                .isEqualTo(("before|" + treeFrame(piece)).getBytes(StandardCharsets.UTF_8));
    }
}
