package dev.brownout.scenario;

import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.oauth.OAuthBehaviour;

/**
 * Everything that holds on one target during a phase. Network faults go to the fault proxy in front of
 * the target; http faults to the target's admin API: a provider's {@link ProviderBehaviour}, or the OAuth
 * server's {@link OAuthBehaviour}.
 *
 * @param target            a provider's name, or {@code oauth}
 * @param network           null when the proxy stays clean
 * @param providerBehaviour null unless the target is a provider with http faults
 * @param oauthBehaviour    null unless the target is {@code oauth} with http faults
 */
public record TargetFaults(String target, NetworkFaults network, ProviderBehaviour providerBehaviour,
                           OAuthBehaviour oauthBehaviour) {

    public static final String OAUTH = "oauth";

    public boolean targetsOAuth() {
        return OAUTH.equals(target);
    }

    TargetFaults loadScaled(double factor) {
        return new TargetFaults(target, network,
                providerBehaviour == null ? null : BehaviourScaling.providerLoad(providerBehaviour, factor), oauthBehaviour);
    }

    TargetFaults scaled(double factor) {
        return new TargetFaults(target,
                network == null ? null : network.scaled(factor),
                providerBehaviour == null ? null : BehaviourScaling.provider(providerBehaviour, factor),
                oauthBehaviour == null ? null : BehaviourScaling.oauth(oauthBehaviour, factor));
    }
}
