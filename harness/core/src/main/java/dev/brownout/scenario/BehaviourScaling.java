package dev.brownout.scenario;

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
import dev.brownout.fakes.behaviour.UnterminatedFault;
import dev.brownout.fakes.config.DurationText;
import dev.brownout.fakes.oauth.OAuthBehaviour;
import dev.brownout.fakes.oauth.OAuthConfig;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * Time and load scaling of the fakes' behaviours. Under load scaling only the rate limits change, with the
 * load. Under time scaling, durations (extra TTFT, stalls, hangs, retry-after, token-endpoint delay, clock skew,
 * token lifetimes) are multiplied by the factor; per-minute rate limits stay as written, because the fakes
 * count their minute on the scenario's clock (a bucket holds the written count and refills in a scaled
 * minute); token counts, probabilities, statuses and multipliers are ratios or counts and stay as written.
 */
final class BehaviourScaling {

    private BehaviourScaling() {
    }

    static ProviderBehaviour provider(ProviderBehaviour behaviour, double factor) {
        return new ProviderBehaviour(behaviour.faults().stream().map(fault -> fault(fault, factor)).toList(),
                behaviour.rateLimit());
    }

    /** A provider's rate limits are quotas its whole load shares: they shrink with the load. */
    static ProviderBehaviour providerLoad(ProviderBehaviour behaviour, double factor) {
        RateLimit limit = behaviour.rateLimit();
        return behaviour.withRateLimit(new RateLimit(
                (int) LoadScale.amount(limit.requestsPerMinute(), factor),
                (int) LoadScale.amount(limit.tokensPerMinute(), factor)));
    }

    private static Fault fault(Fault fault, double factor) {
        return switch (fault) {
            case ErrorFault f -> new ErrorFault(f.status(), f.probability(), f.models(),
                    TimeScale.time(f.retryAfter(), factor), f.shouldRetry(), f.message(), f.htmlBody(), f.errorType(),
                    f.code(), f.param(), f.attempts(), f.when());
            case LatencyFault f -> new LatencyFault(TimeScale.time(f.extraTtft(), factor), f.where(), f.probability(),
                    f.models(), f.attempts(), f.when());
            case StallFault f -> new StallFault(f.afterTokens(), TimeScale.time(f.duration(), factor), f.then(),
                    f.probability(), f.models(), f.attempts(), f.when());
            case HangFault f -> new HangFault(TimeScale.time(f.duration(), factor), f.probability(), f.models(),
                    f.attempts(), f.when());
            case SlowTokensFault f -> f;
            case CutFault f -> f;
            case UnterminatedFault f -> f;
            case StreamErrorFault f -> f;
            case MalformedChunkFault f -> f;
            case QualityFault f -> f;
            case SubstituteFault f -> f;
        };
    }

    static OAuthBehaviour oauth(OAuthBehaviour behaviour, double factor) {
        OAuthBehaviour.TokenFaults token = behaviour.tokenEndpoint();
        OAuthBehaviour.ClockSkew skew = behaviour.clockSkew();
        return behaviour
                .withTokenEndpoint(new OAuthBehaviour.TokenFaults(token.errorRate(), token.errorStatus(),
                        TimeScale.time(token.delay(), factor), token.hang(),
                        token.retryAfter() == null ? null : TimeScale.time(token.retryAfter(), factor)))
                .withClockSkew(new OAuthBehaviour.ClockSkew(skew.direction(), TimeScale.time(skew.shift(), factor)));
    }

    /** Token lifetimes scale too; the server refuses lifetimes under 1 s, so a scale that needs one is refused. */
    static OAuthConfig oauthServer(OAuthConfig config, double factor) {
        Duration shortest = Collections.min(List.of(config.tokenTtl(), config.refreshTokenTtl(),
                config.authorizationCodeTtl()));
        if (TimeScale.time(shortest, factor).compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("time scale " + factor + " would make an OAuth lifetime of "
                    + DurationText.format(shortest) + " shorter than the OAuth server's minimum of 1s; use a scale of at least "
                    + BigDecimal.valueOf(1e9 / shortest.toNanos()).round(new MathContext(3, RoundingMode.UP)).toPlainString());
        }
        return new OAuthConfig(config.name(), TimeScale.time(config.tokenTtl(), factor),
                TimeScale.time(config.refreshTokenTtl(), factor), TimeScale.time(config.authorizationCodeTtl(), factor),
                config.signingAlg(), config.clients());
    }
}
