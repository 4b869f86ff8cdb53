package dev.brownout.fakes.exchange;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Real tokenisation (JTokkit), for usage counts and for streaming one token per chunk. */
public final class TokenCounter {

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final Encoding encoding;

    private TokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    public static TokenCounter of(EncodingType type) {
        return new TokenCounter(REGISTRY.getEncoding(type));
    }

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokens(text);
    }

    /**
     * The text cut at token boundaries. A token that ends inside a multi-byte character is merged with the
     * next, so every piece is valid UTF-8 on its own.
     */
    public List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return pieces;
        }
        IntArrayList tokens = encoding.encode(text);
        byte[] pending = new byte[0];
        for (int i = 0; i < tokens.size(); i++) {
            IntArrayList one = new IntArrayList(1);
            one.add(tokens.get(i));
            byte[] bytes = encoding.decodeBytes(one);
            byte[] joined = new byte[pending.length + bytes.length];
            System.arraycopy(pending, 0, joined, 0, pending.length);
            System.arraycopy(bytes, 0, joined, pending.length, bytes.length);
            String piece = strictUtf8(joined);
            if (piece == null) {
                pending = joined;
            } else {
                pieces.add(piece);
                pending = new byte[0];
            }
        }
        if (pending.length > 0) {
            pieces.add(new String(pending, StandardCharsets.UTF_8));
        }
        return pieces;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
