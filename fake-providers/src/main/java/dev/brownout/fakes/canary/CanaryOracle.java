package dev.brownout.fakes.canary;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Decides whether a model answers a canary correctly: a deterministic draw from (seed, task, model,
 * choice) against the probability capability^difficulty. The same world seed always gives the same
 * verdicts, so a baseline run and a chaos run differ only by what the faults changed.
 */
public final class CanaryOracle {

    private CanaryOracle() {
    }

    /** Probability of a correct answer: (capability x multiplier) raised to the difficulty, clamped to [0, 1]. */
    public static double probability(double capability, double multiplier, int difficulty) {
        double effective = Math.max(0, Math.min(1, capability * multiplier));
        return Math.pow(effective, difficulty);
    }

    public static boolean answersCorrectly(long seed, String taskId, String modelId, int choice, double probability) {
        return draw(seed, taskId, modelId, choice) < probability;
    }

    /** A uniform number in [0, 1) fixed by its inputs. */
    static double draw(long seed, String taskId, String modelId, int choice) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            sha.update((taskId + '\u0000' + modelId + '\u0000' + choice).getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(sha.digest()).getLong() >>> 11;
            return bits / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
