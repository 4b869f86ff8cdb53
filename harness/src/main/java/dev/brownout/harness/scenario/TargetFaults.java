package dev.brownout.harness.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.behaviour.ProviderBehaviour;

/**
 * Everything that holds on one target during a phase. Network faults go to the fault proxy in front of
 * the target; http faults to the target's admin API: a provider's {@link ProviderBehaviour}, or the OAuth
 * server's behaviour document (kept as JSON, exactly what its admin API takes).
 *
 * @param target            a provider's name, or {@code oauth}
 * @param network           null when the proxy stays clean
 * @param providerBehaviour null unless the target is a provider with http faults
 * @param oauthBehaviour    null unless the target is {@code oauth} with http faults
 */
public record TargetFaults(String target, NetworkFaults network, ProviderBehaviour providerBehaviour,
                           ObjectNode oauthBehaviour) {

    public static final String OAUTH = "oauth";

    public TargetFaults {
        oauthBehaviour = oauthBehaviour == null ? null : oauthBehaviour.deepCopy();
    }

    @Override
    public ObjectNode oauthBehaviour() {
        return oauthBehaviour == null ? null : oauthBehaviour.deepCopy();
    }

    public boolean targetsOAuth() {
        return OAUTH.equals(target);
    }

    TargetFaults scaled(double factor) {
        return new TargetFaults(target,
                network == null ? null : network.scaled(factor),
                providerBehaviour == null ? null : BehaviourScaling.provider(providerBehaviour, factor),
                oauthBehaviour == null ? null : BehaviourScaling.oauth(oauthBehaviour, factor));
    }
}
