package io.reelfm.serving.http;

import io.reelfm.serving.recommend.Recommendations;

/** Told about every recommendation list served, e.g. to log impressions for experiments. */
@FunctionalInterface
public interface RecommendationListener {

    RecommendationListener NONE = r -> { };

    void served(Recommendations recommendations);
}
