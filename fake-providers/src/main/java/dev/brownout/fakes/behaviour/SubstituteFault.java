package dev.brownout.fakes.behaviour;

import java.util.List;

/**
 * Silent model substitution: {@code serve_model} answers (its capability, speed and price), while the
 * response still names the model the client asked for. The ledger records both.
 */
public record SubstituteFault(String serveModel, Double probability, List<String> models, List<Integer> attempts,
                              FaultCondition when) implements Fault {

    public SubstituteFault {
        if (serveModel == null || serveModel.isBlank()) {
            throw new IllegalArgumentException("substitute: serve_model must name a catalog model");
        }
        probability = Fault.probabilityOrOne(probability, "substitute");
        models = Fault.modelsOrAll(models);
        attempts = Fault.attemptsOrAll(attempts, "substitute");
    }

    /** A substitution on every request. */
    public SubstituteFault(String serveModel, Double probability, List<String> models) {
        this(serveModel, probability, models, null, null);
    }
}
