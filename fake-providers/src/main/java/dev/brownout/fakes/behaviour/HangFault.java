package dev.brownout.fakes.behaviour;

import java.util.List;

/** Accepts the request and never answers: the connection stays open until the client gives up. */
public record HangFault(Double probability, List<String> models) implements Fault {

    public HangFault {
        probability = Fault.probabilityOrOne(probability, "hang");
        models = Fault.modelsOrAll(models);
    }
}
