package dev.brownout.fakes.behaviour;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the faults of a behaviour do to one request, drawn once when the request arrives. Every fault
 * draws from the request's seeded random whether or not it applies, so adding a fault scoped to another
 * model, attempt or condition does not shift the draws of the others.
 *
 * @param hang                 the hang that holds the request, or null
 * @param extraTtft            added before the headers (and the first token)
 * @param headersFirst         the headers leave as soon as the request is admitted ({@code where: after_headers})
 * @param extraTtftAfterHeaders added after the headers, before the first token
 * @param unterminated         a complete stream leaves out its terminator
 * @param applied              names of the faults that hit, for the ledger
 */
public record FaultPlan(HangFault hang, ErrorFault error, Duration extraTtft, boolean headersFirst,
                        Duration extraTtftAfterHeaders, double tokenRateFactor, StallFault stall, CutFault cut,
                        boolean unterminated, StreamErrorFault streamError, MalformedChunkFault malformedChunk,
                        double capabilityMultiplier, String substituteModel, List<String> applied) {

    public static FaultPlan none() {
        return new FaultPlan(null, null, Duration.ZERO, false, Duration.ZERO, 1.0, null, null, false, null, null, 1.0,
                null, List.of());
    }

    public static FaultPlan draw(ProviderBehaviour behaviour, CallFacts call, SplittableRandom random) {
        HangFault hang = null;
        ErrorFault error = null;
        Duration extraTtft = Duration.ZERO;
        boolean headersFirst = false;
        Duration extraAfterHeaders = Duration.ZERO;
        double rateFactor = 1.0;
        StallFault stall = null;
        CutFault cut = null;
        boolean unterminated = false;
        StreamErrorFault streamError = null;
        MalformedChunkFault malformed = null;
        double capability = 1.0;
        String substitute = null;
        List<String> applied = new ArrayList<>();
        for (Fault fault : behaviour.faults()) {
            boolean hit = random.nextDouble() < fault.probability() && fault.appliesTo(call);
            if (!hit) {
                continue;
            }
            switch (fault) {
                case HangFault h -> hang = hang == null ? h : hang;
                case ErrorFault e -> error = error == null ? e : error;
                case LatencyFault l when l.where() == LatencyFault.Where.AFTER_HEADERS -> {
                    headersFirst = true;
                    extraAfterHeaders = extraAfterHeaders.plus(l.extraTtft());
                }
                case LatencyFault l -> extraTtft = extraTtft.plus(l.extraTtft());
                case SlowTokensFault s -> rateFactor *= s.factor();
                case StallFault s -> stall = stall == null ? s : stall;
                case CutFault c -> cut = cut == null ? c : cut;
                case UnterminatedFault ignored -> unterminated = true;
                case StreamErrorFault s -> streamError = streamError == null ? s : streamError;
                case MalformedChunkFault m -> malformed = malformed == null ? m : malformed;
                case QualityFault q -> capability *= q.capabilityMultiplier();
                case SubstituteFault s -> substitute = substitute == null ? s.serveModel() : substitute;
            }
            applied.add(nameOf(fault));
        }
        return new FaultPlan(hang, error, extraTtft, headersFirst, extraAfterHeaders, rateFactor, stall, cut,
                unterminated, streamError, malformed, capability, substitute, List.copyOf(applied));
    }

    /** The fault's name in the ledger: its type, and the variant when it is not the type's default. */
    static String nameOf(Fault fault) {
        return switch (fault) {
            case HangFault h -> h.duration() == null ? "hang" : "hang:close";
            case ErrorFault e -> "error:" + e.status() + (e.code() == null ? "" : ":" + e.code());
            case LatencyFault l -> l.where() == LatencyFault.Where.BEFORE_HEADERS ? "latency"
                    : "latency:" + l.where().label();
            case SlowTokensFault ignored -> "slow_tokens";
            case StallFault s -> s.then() == null ? "stall" : "stall:" + s.then().label();
            case CutFault c -> c.mode() == CutMode.CLEAN ? "cut" : "cut:" + c.mode().label();
            case UnterminatedFault ignored -> "unterminated";
            case StreamErrorFault s -> "stream_error" + (s.code() == null ? "" : ":" + s.code());
            case MalformedChunkFault ignored -> "malformed_chunk";
            case QualityFault ignored -> "quality";
            case SubstituteFault ignored -> "substitute";
        };
    }
}
