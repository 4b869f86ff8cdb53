package dev.brownout.gatling;

import java.util.Objects;

/**
 * How {@link BrownoutLoad#ask(Ask)} sends a task: the request name Gatling's statistics show, and whether a graded
 * wrong answer counts as a failed request. Immutable; start from {@link #named(String)} or {@link #defaults()}.
 *
 * <pre>{@code
 * exec(brownout.ask(Ask.named("chat").markWrongAnswersKo()))
 * }</pre>
 */
public final class Ask {

    /** The request name when none is given. */
    public static final String DEFAULT_NAME = "brownout";

    private final String name;
    private final boolean wrongAnswersKo;

    private Ask(String name, boolean wrongAnswersKo) {
        this.name = name;
        this.wrongAnswersKo = wrongAnswersKo;
    }

    /** Requests named {@value #DEFAULT_NAME}, wrong answers not failed. */
    public static Ask defaults() {
        return new Ask(DEFAULT_NAME, false);
    }

    /**
     * Requests named {@code name} in Gatling's statistics (streamed requests add {@code "<name> stream"} for the
     * stream's end and {@code "<name> close"} for closing it).
     *
     * @throws IllegalArgumentException for a blank name
     */
    public static Ask named(String name) {
        Objects.requireNonNull(name, "a request name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a request name must not be blank; e.g. Ask.named(\"chat\")");
        }
        return new Ask(name, false);
    }

    /**
     * The same, with a graded wrong answer (score below 1) failing the request (KO), so Gatling's assertions such
     * as {@code global().failedRequests().percent().lt(5.0)} count answers that lost intelligence, not only
     * transport errors. For a plain request it is a failed check on the response; for a streamed one a failed
     * check on the stream's end ({@code "<name> stream"}).
     */
    public Ask markWrongAnswersKo() {
        return new Ask(name, true);
    }

    /** The request name. */
    public String name() {
        return name;
    }

    /** Whether a graded wrong answer fails the request. */
    public boolean wrongAnswersKo() {
        return wrongAnswersKo;
    }

    @Override
    public String toString() {
        return "ask " + name + (wrongAnswersKo ? " (wrong answers KO)" : "");
    }
}
