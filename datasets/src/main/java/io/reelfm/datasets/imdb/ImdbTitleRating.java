package io.reelfm.datasets.imdb;

/**
 * IMDb's aggregate rating of a title ({@code title.ratings.tsv}): not individual ratings, so it
 * is a content feature (popularity, perceived quality), never a training rating.
 */
public record ImdbTitleRating(String imdbId, double averageRating, long numVotes) {
}
