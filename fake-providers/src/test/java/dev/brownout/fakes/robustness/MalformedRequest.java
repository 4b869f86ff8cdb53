package dev.brownout.fakes.robustness;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One bad request the fuzz test sends.
 *
 * @param kind    the family of badness, for the per-kind report and a failure message
 * @param headers sent as they are; a missing header is simply absent
 * @param body    null for a request without a body
 * @param chunked send the body with chunked transfer encoding instead of a Content-Length
 */
record MalformedRequest(String kind, String method, String path, Map<String, String> headers, byte[] body,
                        boolean chunked) {

    /** What a reader of a failure needs to reproduce this request by hand. */
    String describe() {
        String preview = "";
        if (body != null) {
            String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8)
                    .replaceAll("\\p{Cntrl}", "?");
            preview = " body(" + body.length + " bytes" + (chunked ? ", chunked" : "") + ")=" + text
                    + (body.length > 160 ? "..." : "");
        }
        StringBuilder shownHeaders = new StringBuilder();
        headers.forEach((name, value) -> shownHeaders.append(shownHeaders.isEmpty() ? "" : ", ").append(name)
                .append(": ").append(value.length() > 48 ? value.substring(0, 48) + "..." : value));
        return kind + ": " + method + " " + path + " headers={" + shownHeaders + "}" + preview;
    }
}
