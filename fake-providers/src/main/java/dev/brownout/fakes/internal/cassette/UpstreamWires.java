package dev.brownout.fakes.internal.cassette;

/** The {@link UpstreamWire} of each API the fakes speak: the one place a new dialect's passthrough is added. */
public final class UpstreamWires {

    private UpstreamWires() {
    }

    /** The wire of {@code api} (a dialect's {@code api()}); one the fakes do not forward is an IllegalArgumentException. */
    public static UpstreamWire forApi(String api) {
        return switch (api) {
            case "chat.completions" -> new ChatCompletionsUpstream();
            case "responses" -> new ResponsesUpstream();
            case "messages" -> new MessagesUpstream();
            case "generateContent" -> new GeminiUpstream();
            default -> throw new IllegalArgumentException("API '" + api + "' cannot be forwarded or replayed yet");
        };
    }
}
