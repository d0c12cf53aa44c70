package io.reelfm.serving.recommend;

/** Told about every recommendation list served, e.g. to log impressions for experiments. */
@FunctionalInterface
public interface RecommendationListener {

    RecommendationListener NONE = r -> { };

    void served(Recommendations recommendations);
}
