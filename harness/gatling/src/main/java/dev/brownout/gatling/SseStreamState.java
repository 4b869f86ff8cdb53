package dev.brownout.gatling;

import io.gatling.javaapi.core.Session;

import java.lang.reflect.Field;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Gatling's SSE state machine says of a stream that failed. Gatling 3.15 keeps why a stream crashed (e.g.
 * {@code Server returned http response with code 503}: the only place a failed connect's status is known) in its
 * internal state and reports it to its statistics only, so it is read here from {@code SseFsm.currentState} and
 * {@code SseCrashedState.errorMessage} by reflection. When a Gatling version changes them, the status is
 * {@linkplain #UNREADABLE unknown} and the exchange is recorded as failed without one, never wrongly.
 *
 * @param crashed whether the stream is in Gatling's crashed state (its connect or its reading failed)
 * @param message why, as Gatling words it; null when not crashed or unreadable
 */
record SseStreamState(boolean crashed, String message) {

    /** Nothing could be read: not a crash Gatling knows, or another Gatling version. */
    static final SseStreamState UNREADABLE = new SseStreamState(false, null);

    private static final Pattern STATUS = Pattern.compile("Server returned http response with code (\\d{3})");
    private static final String END_OF_STREAM = "End of stream";

    /** The state of the stream named {@code sseName} in {@code session}. */
    static SseStreamState of(Session session, String sseName) {
        Object fsm = session.get(sseName);
        if (fsm == null) {
            return UNREADABLE;
        }
        try {
            Object state = field(fsm, "currentState");
            if (state == null || !state.getClass().getSimpleName().equals("SseCrashedState")) {
                return new SseStreamState(false, null);
            }
            Object message = field(state, "errorMessage");
            return new SseStreamState(true, message == null ? "" : message.toString());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return UNREADABLE;
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    /** The HTTP status a refused connect answered, when the message says it; 0 otherwise. */
    int refusedStatus() {
        if (message == null) {
            return 0;
        }
        Matcher matcher = STATUS.matcher(message);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /** Whether the stream ended cleanly (no terminator) while the end check waited. */
    boolean endOfStream() {
        return crashed && END_OF_STREAM.equals(message);
    }
}
