package dev.brownout.gatling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server-sent event as Gatling 3.15 hands it to SSE checks: its own JSON-like rendering
 * {@code {"event":"..","id":"..","data":..,"retry":..}} (fields in that order, each only when present). The event
 * and id are written between quotes without escaping; the data is written raw when it looks like a JSON object or
 * array (starts with <code>{</code> and ends with <code>}</code>, or starts with {@code [} and ends with {@code ]}),
 * else as an escaped JSON string. So {@code data: [DONE]} arrives as <code>{"data":[DONE]}</code>, which is not JSON:
 * the message is taken apart by its known layout, never parsed as a whole.
 *
 * @param event the event's {@code event:} name, or null
 * @param id    the event's {@code id:}, or null
 * @param data  the event's {@code data:} payload as the server sent it, or null when it had none
 */
record SseMessage(String event, String id, String data) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RETRY_SUFFIX = Pattern.compile(",\"retry\":-?\\d+$");
    private static final String EVENT = "\"event\":\"";
    private static final String ID = "\"id\":\"";
    private static final String DATA = "\"data\":";

    /**
     * Takes a message apart.
     *
     * @return null when {@code message} is not in Gatling's layout (it cannot be read)
     */
    static SseMessage parse(String message) {
        if (message == null || message.length() < 2 || message.charAt(0) != '{'
                || message.charAt(message.length() - 1) != '}') {
            return null;
        }
        String body = message.substring(1, message.length() - 1);
        Matcher retry = RETRY_SUFFIX.matcher(body);
        if (retry.find()) {
            body = body.substring(0, retry.start());
        } else if (body.startsWith("\"retry\":")) {
            return new SseMessage(null, null, null);
        }
        int at = 0;
        String event = null;
        String id = null;
        if (body.startsWith(EVENT, at)) {
            int end = body.indexOf('"', at + EVENT.length());
            if (end < 0) {
                return null;
            }
            event = body.substring(at + EVENT.length(), end);
            at = next(body, end + 1);
            if (at < 0) {
                return null;
            }
        }
        if (body.startsWith(ID, at)) {
            int end = body.indexOf('"', at + ID.length());
            if (end < 0) {
                return null;
            }
            id = body.substring(at + ID.length(), end);
            at = next(body, end + 1);
            if (at < 0) {
                return null;
            }
        }
        if (at == body.length()) {
            return new SseMessage(event, id, null);
        }
        if (!body.startsWith(DATA, at)) {
            return null;
        }
        String data = body.substring(at + DATA.length());
        if (isRaw(data)) {
            return new SseMessage(event, id, data);
        }
        if (data.length() < 2 || data.charAt(0) != '"' || data.charAt(data.length() - 1) != '"') {
            return null;
        }
        try {
            return new SseMessage(event, id, JSON.readValue(data, String.class));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Where the next field starts after a field ending at {@code at}: past its comma, at the end, or -1. */
    private static int next(String body, int at) {
        if (at == body.length()) {
            return at;
        }
        return body.charAt(at) == ',' ? at + 1 : -1;
    }

    /** What Gatling writes without quoting: a value that looks like a JSON object or array. */
    private static boolean isRaw(String data) {
        int length = data.length();
        return length > 1 && ((data.charAt(0) == '{' && data.charAt(length - 1) == '}')
                || (data.charAt(0) == '[' && data.charAt(length - 1) == ']'));
    }
}
