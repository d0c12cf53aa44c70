package io.reelfm.core.eval.metrics;

import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;

/** Rating-prediction errors: RMSE punishes large misses, MAE reads as "stars off on average". */
public final class ErrorMetrics {

    private ErrorMetrics() {
    }

    /** RMSE and MAE of {@code predictor} over every row of {@code test}. */
    public static Errors of(RatingSet test, RatingPredictor predictor) {
        if (test.size() == 0) {
            throw new IllegalArgumentException("test has no ratings");
        }
        double sq = 0;
        double abs = 0;
        for (int r = 0; r < test.size(); r++) {
            double e = predictor.predict(test.user(r), test.item(r)) - test.value(r);
            sq += e * e;
            abs += Math.abs(e);
        }
        return new Errors(Math.sqrt(sq / test.size()), abs / test.size());
    }

    public static double rmse(float[] actual, float[] predicted) {
        check(actual, predicted);
        double sq = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = predicted[i] - actual[i];
            sq += e * e;
        }
        return Math.sqrt(sq / actual.length);
    }

    public static double mae(float[] actual, float[] predicted) {
        check(actual, predicted);
        double abs = 0;
        for (int i = 0; i < actual.length; i++) {
            abs += Math.abs(predicted[i] - actual[i]);
        }
        return abs / actual.length;
    }

    private static void check(float[] actual, float[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual and predicted differ in length: "
                    + actual.length + " vs " + predicted.length);
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("actual is empty");
        }
    }

    /** Both errors of one evaluation. */
    public record Errors(double rmse, double mae) {
    }
}
