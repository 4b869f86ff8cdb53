package dev.brownout.fakes.canary;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic prose for prompts that carry no canary: the same prompt and model give the same text. */
public final class FillerText {

    private static final String[] WORDS = ("the a system request service model answer latency provider token "
            + "stream gateway retry budget fallback region cluster network steady careful simple result value "
            + "check report signal quality error window phase agent task plan cost record test measure review "
            + "shows keeps sends takes finds returns holds moves waits reads writes").split(" ");
    private static final String[] SPACED = new String[WORDS.length];
    private static final String[] CAPITALISED = new String[WORDS.length];
    private static final String[] SPACED_CAPITALISED = new String[WORDS.length];

    static {
        for (int i = 0; i < WORDS.length; i++) {
            SPACED[i] = " " + WORDS[i];
            CAPITALISED[i] = Character.toUpperCase(WORDS[i].charAt(0)) + WORDS[i].substring(1);
            SPACED_CAPITALISED[i] = " " + CAPITALISED[i];
        }
    }

    private FillerText() {
    }

    /** Between 20 and 80 words in sentences, fixed by the seed. */
    public static String generate(long seed) {
        return String.join("", segments(seed));
    }

    /**
     * The same text in the parts a tokeniser's pre-split cuts it into, each word with the space before it and
     * each full stop on its own, so the text's tokens are its parts' tokens one after the other and a part's tokens
     * can be looked up instead of the whole text tokenised anew.
     */
    public static List<String> segments(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int words = random.nextInt(20, 81);
        List<String> segments = new ArrayList<>(words + words / 4 + 2);
        boolean sentenceStart = true;
        for (int i = 0; i < words; i++) {
            int word = random.nextInt(WORDS.length);
            segments.add(i == 0 ? CAPITALISED[word] : sentenceStart ? SPACED_CAPITALISED[word] : SPACED[word]);
            sentenceStart = i == words - 1 || random.nextInt(9) == 0;
            if (sentenceStart) {
                segments.add(".");
            }
        }
        return segments;
    }
}
