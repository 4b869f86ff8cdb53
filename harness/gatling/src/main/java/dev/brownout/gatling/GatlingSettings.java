package dev.brownout.gatling;

import java.util.ArrayList;
import java.util.List;

/**
 * Gatling's loaded configuration, read where it would send traffic off the machine: the start-up warm-up request
 * ({@code gatling.http.warmUpUrl}, {@code https://gatling.io} by default) and the usage analytics
 * ({@code gatling.data.enableAnalytics}). Gatling hands its configuration to the DSL before it constructs the
 * simulation, so it can be read while {@link BrownoutGatling#start} runs; outside Gatling there is none.
 */
final class GatlingSettings {

    private GatlingSettings() {
    }

    /** What in Gatling's configuration reaches outside the machine, one sentence each; empty when nothing does or unknown. */
    static List<String> outsideTraffic() {
        List<String> found = new ArrayList<>();
        try {
            io.gatling.core.config.GatlingConfiguration configuration = io.gatling.core.Predef.configuration();
            if (configuration == null) {
                return found;
            }
            scala.Option<String> warmUp = configuration.http().warmUpUrl();
            if (warmUp.isDefined() && !warmUp.get().isBlank()) {
                found.add("gatling.http.warmUpUrl = \"" + warmUp.get() + "\" sends a warm-up request there at start-up;"
                        + " set it to \"\"");
            }
            if (configuration.data().enableAnalytics()) {
                found.add("gatling.data.enableAnalytics = true sends usage analytics to Gatling; set it to false");
            }
        } catch (RuntimeException | LinkageError notInGatling) {
            // not constructed by Gatling (a unit test, another Gatling version): nothing to check
        }
        return found;
    }
}
