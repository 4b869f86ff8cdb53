package dev.brownout.fakes.internal.exchange;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real tokenisation (JTokkit), for usage counts and for streaming one token per chunk. */
public final class TokenCounter {

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private static final byte[] EMPTY = new byte[0];

    private final Encoding encoding;
    private final Map<Integer, byte[]> bytesByToken = new ConcurrentHashMap<>();
    private final Map<Integer, String> textByToken = new ConcurrentHashMap<>();
    /**
     * Counts and cuts of texts seen recently: a load test sends the same prompts (and so gets the same answers)
     * again and again, and tokenising them is most of a request's work. Bounded in entries and in text length.
     */
    private final BoundedCache<Integer> countByText = new BoundedCache<>();
    private final BoundedCache<List<String>> piecesByText = new BoundedCache<>();

    private TokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    public static TokenCounter of(EncodingType type) {
        return new TokenCounter(REGISTRY.getEncoding(type));
    }

    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Integer cached = countByText.get(text);
        if (cached != null) {
            return cached;
        }
        int count = encoding.countTokens(text);
        countByText.put(text, count);
        return count;
    }

    /**
     * The text cut at token boundaries. A token that ends inside a multi-byte character is merged with the
     * next, so every piece is valid UTF-8 on its own. The list cannot be changed.
     */
    public List<String> pieces(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> cached = piecesByText.get(text);
        if (cached != null) {
            return cached;
        }
        List<String> pieces = List.copyOf(cut(text));
        piecesByText.put(text, pieces);
        return pieces;
    }

    /**
     * The pieces of a text given in parts that a tokeniser's pre-split never joins (each part is tokenised on
     * its own by the encoding too): each part's pieces are cut once and looked up after that.
     */
    public List<String> pieces(List<String> parts) {
        List<String> pieces = new ArrayList<>(parts.size() + parts.size() / 2);
        for (String part : parts) {
            pieces.addAll(pieces(part));
        }
        return List.copyOf(pieces);
    }

    private List<String> cut(String text) {
        List<String> pieces = new ArrayList<>();
        IntArrayList tokens = encoding.encode(text);
        byte[] pending = EMPTY;
        for (int i = 0; i < tokens.size(); i++) {
            byte[] bytes = bytesOf(tokens.get(i));
            if (pending.length == 0) {
                String piece = pieceOf(tokens.get(i), bytes);
                if (piece != null) {
                    pieces.add(piece);
                    continue;
                }
                pending = bytes;
                continue;
            }
            byte[] joined = new byte[pending.length + bytes.length];
            System.arraycopy(pending, 0, joined, 0, pending.length);
            System.arraycopy(bytes, 0, joined, pending.length, bytes.length);
            String piece = strictUtf8(joined);
            if (piece == null) {
                pending = joined;
            } else {
                pieces.add(piece);
                pending = EMPTY;
            }
        }
        if (pending.length > 0) {
            pieces.add(new String(pending, StandardCharsets.UTF_8));
        }
        return pieces;
    }

    /** A token's bytes; the vocabulary is fixed, so each token is decoded once. */
    private byte[] bytesOf(int token) {
        return bytesByToken.computeIfAbsent(token, id -> {
            IntArrayList one = new IntArrayList(1);
            one.add(id);
            return encoding.decodeBytes(one);
        });
    }

    /** The token as text, or null when its bytes end inside a multi-byte character. */
    private String pieceOf(int token, byte[] bytes) {
        String cached = textByToken.get(token);
        if (cached != null) {
            return cached;
        }
        String text = strictUtf8(bytes);
        if (text != null) {
            textByToken.put(token, text);
        }
        return text;
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

    /**
     * A map of recent texts that forgets everything once full: simpler than an LRU and enough for a load test's
     * handful of distinct prompts, and it bounds memory at {@link #MAX_ENTRIES} texts of at most
     * {@link #MAX_TEXT_CHARS} characters each.
     */
    private static final class BoundedCache<V> {

        static final int MAX_ENTRIES = 4096;
        static final int MAX_TEXT_CHARS = 8192;

        private final Map<String, V> entries = new ConcurrentHashMap<>();

        V get(String text) {
            return text.length() > MAX_TEXT_CHARS ? null : entries.get(text);
        }

        void put(String text, V value) {
            if (text.length() > MAX_TEXT_CHARS) {
                return;
            }
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(text, value);
        }
    }
}
