package dev.brownout.reports.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON that is safe inside a {@code <script type="application/json">} element: {@code <}, {@code >} and
 * {@code &} are written as {@code \u003c}-style escapes, so no string in it can close the element or open a
 * comment, and U+2028/U+2029 are escaped too. {@code JSON.parse} reads it back unchanged.
 */
final class ScriptJson {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        JSON.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private ScriptJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report's chart data always serialises: " + e.getMessage(), e);
        }
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {

        private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private final int[] ascii;

        HtmlSafeEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}
