package dev.brownout.reports;

/**
 * The usage block a SUT's reply carried, as received.
 *
 * @param inputTokens  the prompt's tokens ({@code prompt_tokens}, {@code input_tokens}); null when not given
 * @param outputTokens the answer's tokens ({@code completion_tokens}, {@code output_tokens}); null when not given
 */
public record ReplyUsage(Long inputTokens, Long outputTokens) {
}
