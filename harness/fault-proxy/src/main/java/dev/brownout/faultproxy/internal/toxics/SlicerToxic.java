package dev.brownout.faultproxy.internal.toxics;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits each chunk by repeated halving (split point moved by up to +/- size_variation) until no
 * piece exceeds average_size + size_variation, and sleeps {@code delay} microseconds after each piece.
 */
final class SlicerToxic implements ToxicType {

    @Override
    public String name() {
        return "slicer";
    }

    @Override
    public List<String> attributes() {
        return List.of("average_size", "size_variation", "delay");
    }

    @Override
    public String goStruct() {
        return "SlicerToxic";
    }

    @Override
    public Optional<String> refusal(Map<String, Long> attributes) {
        long average = attributes.get("average_size");
        long variation = attributes.get("size_variation");
        if (average <= 0) {
            return Optional.of("average_size must be positive (0 or less overflows Toxiproxy's stack)");
        }
        if (variation < 0 || variation > average) {
            return Optional.of("size_variation must be between 0 and average_size (outside that range Toxiproxy can panic)");
        }
        return Optional.empty();
    }

    @Override
    public ToxicBehaviour newBehaviour() {
        return SlicerToxic::slice;
    }

    private static void slice(Chunk chunk, Flow flow) throws IOException {
        List<int[]> pieces = pieces(chunk.length(), flow.attribute("average_size"),
                flow.attribute("size_variation"), flow);
        long delayNanos = Math.max(0, flow.attribute("delay")) * 1_000L;
        for (int i = 0; i < pieces.size(); i++) {
            int[] piece = pieces.get(i);
            flow.emit(chunk.slice(piece[0], piece[1]));
            boolean last = i == pieces.size() - 1;
            if (!last && delayNanos > 0 && !flow.sleepUntil(System.nanoTime() + delayNanos)) {
                flow.emit(chunk.slice(piece[1], chunk.length()));
                return;
            }
        }
    }

    /** Piece boundaries in order; iterative so no input can exhaust the stack. */
    private static List<int[]> pieces(int length, long average, long variation, Flow flow) {
        List<int[]> out = new ArrayList<>();
        Deque<int[]> pending = new ArrayDeque<>();
        pending.push(new int[] {0, length});
        while (!pending.isEmpty()) {
            int[] span = pending.pop();
            int size = span[1] - span[0];
            if (size - average <= variation || size < 2) {
                out.add(span);
                continue;
            }
            int mid = span[0] + size / 2;
            if (variation > 0) {
                mid += (int) flow.random().nextLong(-variation, variation);
            }
            mid = Math.clamp(mid, span[0] + 1, span[1] - 1);
            pending.push(new int[] {mid, span[1]});
            pending.push(new int[] {span[0], mid});
        }
        return out;
    }
}
