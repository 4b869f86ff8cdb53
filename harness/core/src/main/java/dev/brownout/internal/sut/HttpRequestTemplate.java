package dev.brownout.internal.sut;

import java.util.Objects;

/**
 * The {@code http} adapter's request and where its answer is. {@code url} and {@code body} are Mustache
 * templates over the world plus {@code prompt}, {@code prompt_json} (the prompt as a JSON string literal,
 * quotes included), {@code task_id} and {@code stream}.
 *
 * @param method       GET, POST, PUT or PATCH
 * @param body         the request body template; null sends none
 * @param answerPointer JSON pointer (RFC 6901) to the answer text in the response, e.g. {@code /output/text}
 * @param modelPointer  JSON pointer to the model that answered; null when the SUT does not say
 */
public record HttpRequestTemplate(String method, String url, String body, String answerPointer, String modelPointer) {

    public HttpRequestTemplate {
        method = method == null ? "POST" : method;
        Objects.requireNonNull(url, "an http SUT needs a url");
        Objects.requireNonNull(answerPointer, "an http SUT needs an answer_pointer");
    }
}
