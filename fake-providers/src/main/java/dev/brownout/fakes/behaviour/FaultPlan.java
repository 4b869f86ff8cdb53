package dev.brownout.fakes.behaviour;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the faults of a behaviour do to one request, drawn once when the request arrives. Every fault
 * draws from the request's seeded random whether or not it applies, so adding a fault scoped to another
 * model does not shift the draws of the others.
 *
 * @param applied names of the faults that hit, for the ledger
 */
public record FaultPlan(boolean hang, ErrorFault error, Duration extraTtft, double tokenRateFactor,
                        StallFault stall, CutFault cut, StreamErrorFault streamError,
                        MalformedChunkFault malformedChunk, double capabilityMultiplier, String substituteModel,
                        List<String> applied) {

    public static FaultPlan none() {
        return new FaultPlan(false, null, Duration.ZERO, 1.0, null, null, null, null, 1.0, null, List.of());
    }

    public static FaultPlan draw(ProviderBehaviour behaviour, String model, SplittableRandom random) {
        boolean hang = false;
        ErrorFault error = null;
        Duration extraTtft = Duration.ZERO;
        double rateFactor = 1.0;
        StallFault stall = null;
        CutFault cut = null;
        StreamErrorFault streamError = null;
        MalformedChunkFault malformed = null;
        double capability = 1.0;
        String substitute = null;
        List<String> applied = new ArrayList<>();
        for (Fault fault : behaviour.faults()) {
            boolean hit = random.nextDouble() < fault.probability() && fault.appliesTo(model);
            if (!hit) {
                continue;
            }
            switch (fault) {
                case HangFault ignored -> hang = true;
                case ErrorFault e -> error = error == null ? e : error;
                case LatencyFault l -> extraTtft = extraTtft.plus(l.extraTtft());
                case SlowTokensFault s -> rateFactor *= s.factor();
                case StallFault s -> stall = stall == null ? s : stall;
                case CutFault c -> cut = cut == null ? c : cut;
                case StreamErrorFault s -> streamError = streamError == null ? s : streamError;
                case MalformedChunkFault m -> malformed = malformed == null ? m : malformed;
                case QualityFault q -> capability *= q.capabilityMultiplier();
                case SubstituteFault s -> substitute = substitute == null ? s.serveModel() : substitute;
            }
            applied.add(typeOf(fault));
        }
        return new FaultPlan(hang, error, extraTtft, rateFactor, stall, cut, streamError, malformed, capability,
                substitute, List.copyOf(applied));
    }

    private static String typeOf(Fault fault) {
        return switch (fault) {
            case HangFault ignored -> "hang";
            case ErrorFault e -> "error:" + e.status();
            case LatencyFault ignored -> "latency";
            case SlowTokensFault ignored -> "slow_tokens";
            case StallFault ignored -> "stall";
            case CutFault ignored -> "cut";
            case StreamErrorFault ignored -> "stream_error";
            case MalformedChunkFault ignored -> "malformed_chunk";
            case QualityFault ignored -> "quality";
            case SubstituteFault ignored -> "substitute";
        };
    }
}
