package io.reelfm.serving.recommend;

import java.util.List;

/**
 * A recommendation response: items best first, the model version and A/B variant that produced
 * them, and a request id that impressions and later ratings are joined on.
 *
 * @param strategy {@code fold-in} for personalised scores; for cold start {@code popular}, or
 *                 {@code profile} when profile fields were given
 */
public record Recommendations(String userId, List<Item> items, String model, Long modelVersion, String variant,
                              String requestId, String strategy) {

    /**
     * @param score          the model's raw score (or the weighted rating for popular items)
     * @param predictedRating the served model's predicted rating (clipped to the range of the ratings it was fitted
     *                        on), or for a ranking model the rating model's prediction;
     *                        null for cold start or when no rating model is loaded
     * @param reason         why it is recommended: "because you rated &lt;title&gt;" or "popular"
     * @param becauseItemId  the rated item behind the reason, when there is one
     */
    public record Item(String itemId, String title, Integer year, List<String> genres, double score,
                       Double predictedRating, String reason, String becauseItemId) {
    }
}
