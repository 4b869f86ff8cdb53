/**
 * Two reference OpenAI-compatible gateways to demo and test Brownout against, and what they share.
 * <p>
 * Callers always speak OpenAI Chat Completions; each upstream speaks its {@code dialect}. An {@code openai}
 * upstream gets the request as it came; an {@code anthropic} one gets it translated to a Messages request
 * and its answers, whole, streamed or errors, come back in OpenAI's shape: the request
 * ({@link dev.brownout.gateways.AnthropicRequest}), a whole answer ({@link dev.brownout.gateways.AnthropicAnswer})
 * and a stream ({@link dev.brownout.gateways.AnthropicStreamTranslator}), put together by
 * {@link dev.brownout.gateways.AnthropicTranslator}. Text conversations only: a request with tools, images or
 * several choices is refused rather than answered differently.
 * <p>
 * {@link dev.brownout.gateways.naive.NaiveGateway} forwards every request to its first upstream once and
 * passes its answer back, errors included. {@link dev.brownout.gateways.resilient.ResilientGateway} retries,
 * fails over, breaks circuits and keeps OAuth tokens fresh. Both serve {@code POST /v1/chat/completions}
 * (streamed or not) and {@code GET /v1/models}, and name the upstream that answered in the
 * {@code x-brownout-upstream} header.
 * <p>
 * In the JVM: {@code try (RunningGateway gateway = ResilientGateway.start(GatewayConfig.of(primary, backup)))}
 * and hand {@code gateway.baseUrl()} to an SDK. As a process:
 * {@code java -cp <classpath> dev.brownout.gateways.resilient.ResilientGateway gateway.yaml} prints the base
 * URL as one line and stops on SIGTERM or at the end of its stdin. The file:
 * <pre>
 * port: 0                      # optional; 0 picks a free port, host defaults to 127.0.0.1
 * upstreams:                   # in order: the first is the primary
 *   - name: primary
 *     base_url: http://127.0.0.1:8081/v1
 *     api_key: sk-...
 *     model: gpt-4o
 *   - name: backup
 *     dialect: anthropic       # openai (the default) or anthropic
 *     base_url: http://127.0.0.1:8082   # what the dialect's SDK takes: the /v1 root for openai, the origin for anthropic
 *     oauth: { token_url: http://127.0.0.1:8090/token, client_id: agent, client_secret: ..., refresh_token: ... }
 *     model: claude-sonnet-4-5
 * timeouts: { connect: 2s, attempt: 30s, first_byte: 10s }
 * retry: { max_attempts: 4, retries_per_upstream: 1, base_backoff: 200ms, max_backoff: 2s, max_retry_after: 5s }
 * breaker: { window: 10, failure_rate_percent: 50, open_for: 30s }
 * </pre>
 */
package dev.brownout.gateways;
