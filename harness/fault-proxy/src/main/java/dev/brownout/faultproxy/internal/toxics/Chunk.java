package dev.brownout.faultproxy.internal.toxics;

/**
 * One socket read travelling through a link, stamped with the time it arrived (System.nanoTime).
 * Toxics that delay data move the timestamp forward so that stacked delays add up.
 */
public record Chunk(byte[] data, long arrivedNanos) {

    public int length() {
        return data.length;
    }

    public Chunk withArrival(long nanos) {
        return new Chunk(data, nanos);
    }

    public Chunk slice(int from, int to) {
        return new Chunk(java.util.Arrays.copyOfRange(data, from, to), arrivedNanos);
    }
}
