package dev.brownout.fakes.behaviour;

import java.time.Duration;

/**
 * A bucket that holds up to {@code capacity} units and refills continuously at capacity per minute, the
 * way the providers describe their per-minute limits. The minute is the world's: on a scenario's scaled
 * clock it is shorter or longer, so both the refill and the burst keep their meaning.
 */
final class TokenBucket {

    private final long capacity;
    private final double refillPerNano;
    private double available;
    private long updatedAt;

    TokenBucket(long capacity, long now, Duration minute) {
        this.capacity = capacity;
        this.refillPerNano = capacity / (double) minute.toNanos();
        this.available = capacity;
        this.updatedAt = now;
    }

    /** Takes {@code amount} if available; otherwise takes nothing and returns how long until it would be. */
    synchronized Duration tryTake(long amount, long now) {
        refill(now);
        if (amount <= available) {
            available -= amount;
            return Duration.ZERO;
        }
        double missing = Math.min(amount, capacity) - available;
        return Duration.ofNanos(Math.max(1, (long) Math.ceil(missing / refillPerNano)));
    }

    /** Gives back units taken for a request that was then refused by the other bucket. */
    synchronized void giveBack(long amount, long now) {
        refill(now);
        available = Math.min(capacity, available + amount);
    }

    synchronized long remaining(long now) {
        refill(now);
        return (long) Math.floor(available);
    }

    /** Time until the bucket is full again. */
    synchronized Duration untilFull(long now) {
        refill(now);
        return Duration.ofNanos((long) Math.ceil((capacity - available) / refillPerNano));
    }

    long capacity() {
        return capacity;
    }

    private void refill(long now) {
        if (now > updatedAt) {
            available = Math.min(capacity, available + (now - updatedAt) * refillPerNano);
            updatedAt = now;
        }
    }
}
