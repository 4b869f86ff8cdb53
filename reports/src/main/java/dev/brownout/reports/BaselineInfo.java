package dev.brownout.reports;

/**
 * The baseline a result compares against.
 *
 * @param source    the stored result's path for {@link BaselineMode#FILE}, else null
 * @param quality   its graded quality, or null without a baseline
 * @param costUsd   what its provider calls cost, or null without a baseline
 */
public record BaselineInfo(BaselineMode mode, String source, boolean completed, Double quality, Double costUsd,
                           Double availability) {

    public static BaselineInfo none() {
        return new BaselineInfo(BaselineMode.NONE, null, false, null, null, null);
    }
}
