package dev.brownout.harness.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.Fault;
import dev.brownout.fakes.behaviour.HangFault;
import dev.brownout.fakes.behaviour.LatencyFault;
import dev.brownout.fakes.behaviour.MalformedChunkFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.QualityFault;
import dev.brownout.fakes.behaviour.RateLimit;
import dev.brownout.fakes.behaviour.SlowTokensFault;
import dev.brownout.fakes.behaviour.StallFault;
import dev.brownout.fakes.behaviour.StreamErrorFault;
import dev.brownout.fakes.behaviour.SubstituteFault;
import dev.brownout.fakes.config.DurationText;

import java.time.Duration;

/**
 * Time scaling of the fakes' behaviours. Durations (extra TTFT, stalls, retry-after, token-endpoint
 * delay, clock skew, token lifetimes) are multiplied by the factor; per-minute rate limits are divided
 * by it; token counts, probabilities, statuses and multipliers are ratios or counts and stay as written.
 */
final class BehaviourScaling {

    private BehaviourScaling() {
    }

    static ProviderBehaviour provider(ProviderBehaviour behaviour, double factor) {
        RateLimit limit = behaviour.rateLimit();
        RateLimit scaledLimit = new RateLimit(
                (int) Math.min(Integer.MAX_VALUE, TimeScale.perTime(limit.requestsPerMinute(), factor)),
                (int) Math.min(Integer.MAX_VALUE, TimeScale.perTime(limit.tokensPerMinute(), factor)));
        return new ProviderBehaviour(behaviour.faults().stream().map(fault -> fault(fault, factor)).toList(), scaledLimit);
    }

    private static Fault fault(Fault fault, double factor) {
        return switch (fault) {
            case ErrorFault f -> new ErrorFault(f.status(), f.probability(), f.models(),
                    TimeScale.time(f.retryAfter(), factor), f.shouldRetry(), f.message(), f.htmlBody());
            case LatencyFault f -> new LatencyFault(TimeScale.time(f.extraTtft(), factor), f.probability(), f.models());
            case StallFault f -> new StallFault(f.afterTokens(), TimeScale.time(f.duration(), factor), f.probability(),
                    f.models());
            case HangFault f -> f;
            case SlowTokensFault f -> f;
            case CutFault f -> f;
            case StreamErrorFault f -> f;
            case MalformedChunkFault f -> f;
            case QualityFault f -> f;
            case SubstituteFault f -> f;
        };
    }

    /** Scales the duration at {@code field} of {@code object} in place, writing {@code fallback} scaled when absent. */
    static void durationField(ObjectNode object, String field, Duration fallback, double factor) {
        JsonNode value = object.get(field);
        Duration current = value == null || value.isNull() ? fallback : DurationText.parse(value.asText());
        if (current != null) {
            object.set(field, TextNode.valueOf(DurationText.format(TimeScale.time(current, factor))));
        }
    }

    static ObjectNode oauth(ObjectNode behaviour, double factor) {
        ObjectNode copy = behaviour.deepCopy();
        if (copy.get("token_endpoint") instanceof ObjectNode token) {
            durationField(token, "delay", null, factor);
        }
        if (copy.get("clock_skew") instanceof ObjectNode skew) {
            durationField(skew, "shift", null, factor);
        }
        return copy;
    }
}
