package dev.brownout.fakes.internal.exchange;

import com.knuddels.jtokkit.api.EncodingType;
import dev.brownout.fakes.canary.FillerText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCounterTest {

    private static final TokenCounter O200K = TokenCounter.of(EncodingType.O200K_BASE);

    @ParameterizedTest
    @ValueSource(strings = {"The answer is 10081.", "Grüße aus Köln — 東京 🚀🚀 done", "ANSWER: {\"city\":\"Oslo\"}", " "})
    void piecesJoinBackToTheTextAndEachIsValidUtf8(String text) {
        for (int round = 0; round < 2; round++) {
            List<String> pieces = O200K.pieces(text);

            assertThat(String.join("", pieces)).as("pieces of %s joined (round %d)", text, round).isEqualTo(text);
            assertThat(pieces).allSatisfy(piece -> assertThat(new String(piece.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8)).as("piece survives a UTF-8 round trip").isEqualTo(piece));
            assertThat(pieces.size()).as("no more pieces than tokens").isLessThanOrEqualTo(O200K.count(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"The answer is 10081.", "Show brief working, then finish with one final line"})
    void plainTextHasOnePiecePerToken(String text) {
        assertThat(O200K.pieces(text)).hasSize(O200K.count(text));
    }

    @ParameterizedTest
    @EnumSource(value = EncodingType.class, names = {"O200K_BASE", "CL100K_BASE"})
    void fillerTokenisedByItsSegmentsIsTokenisedAsTheWholeText(EncodingType type) {
        // Fresh counters, so neither side reads what the other cached.
        TokenCounter bySegments = TokenCounter.of(type);
        TokenCounter whole = TokenCounter.of(type);
        for (long seed = 0; seed < 3_000; seed++) {
            String text = FillerText.generate(seed);

            assertThat(bySegments.pieces(FillerText.segments(seed)))
                    .as("%s pieces of the filler of seed %d, by segments and whole: %s", type, seed, text)
                    .isEqualTo(whole.pieces(text))
                    .hasSize(whole.count(text));
        }
    }
}
