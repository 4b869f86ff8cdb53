package dev.brownout.faultproxy;

import java.util.Locale;
import java.util.Optional;

/** Upstream is client to server (requests), downstream is server to client (responses). */
enum Direction {
    UPSTREAM,
    DOWNSTREAM;

    /** Parses case-insensitively, as Toxiproxy does; the empty string is invalid. */
    static Optional<Direction> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "upstream" -> Optional.of(UPSTREAM);
            case "downstream" -> Optional.of(DOWNSTREAM);
            default -> Optional.empty();
        };
    }
}
