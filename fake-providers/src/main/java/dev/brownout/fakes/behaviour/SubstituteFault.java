package dev.brownout.fakes.behaviour;

import java.util.List;

/**
 * Silent model substitution: {@code serve_model} answers (its capability, speed and price), while the
 * response still names the model the client asked for. The ledger records both.
 */
public record SubstituteFault(String serveModel, Double probability, List<String> models) implements Fault {

    public SubstituteFault {
        if (serveModel == null || serveModel.isBlank()) {
            throw new IllegalArgumentException("substitute: serve_model must name a catalog model");
        }
        probability = Fault.probabilityOrOne(probability, "substitute");
        models = Fault.modelsOrAll(models);
    }
}
