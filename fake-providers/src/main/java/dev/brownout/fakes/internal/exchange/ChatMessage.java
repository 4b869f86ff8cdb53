package dev.brownout.fakes.internal.exchange;

/** A message of a conversation with its text parts joined; tool results keep the role {@code tool}. */
public record ChatMessage(String role, String text) {
}
