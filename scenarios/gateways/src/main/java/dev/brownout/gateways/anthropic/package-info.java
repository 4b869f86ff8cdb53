/**
 * Translation between the callers' OpenAI Chat Completions and an Anthropic Messages upstream: the request
 * ({@link dev.brownout.gateways.anthropic.AnthropicRequest}), a whole answer
 * ({@link dev.brownout.gateways.anthropic.AnthropicAnswer}) and a stream
 * ({@link dev.brownout.gateways.anthropic.AnthropicStreamTranslator}), put together for the gateways by
 * {@link dev.brownout.gateways.anthropic.AnthropicTranslator}. Text conversations only: a request with
 * tools, images or several choices is refused rather than answered differently.
 */
package dev.brownout.gateways.anthropic;
