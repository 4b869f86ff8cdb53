package dev.brownout.fakes.behaviour;

/**
 * What a fault's scope can see of one call, known once its request has been read.
 *
 * @param model            the model requested
 * @param attempt          which call this is, from 1, of the task the request carries on this provider; null
 *                         when it carries no task id
 * @param assistantPrefill whether the conversation ends with an assistant message to continue
 */
public record CallFacts(String model, Integer attempt, boolean assistantPrefill) {
}
