package dev.brownout.fakes.internal.exchange;

import java.util.SplittableRandom;

/** Random identifiers in the alphabets the real APIs use, drawn from a seeded random. */
public final class Ids {

    private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    public static String alphanumeric(String prefix, int length, SplittableRandom random) {
        return prefix + draw(ALPHANUMERIC, length, random);
    }

    public static String hex(String prefix, int length, SplittableRandom random) {
        return prefix + draw(HEX, length, random);
    }

    private static String draw(char[] alphabet, int length, SplittableRandom random) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(chars);
    }
}
