package io.reelfm.core.fm;

import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;

import java.util.List;
import java.util.Random;

/**
 * A small generated world with ids, side information and planted preferences, to exercise every
 * feature group end to end (encoder, snapshot, fold-in, retrieval).
 */
final class SideWorld {

    static final List<String> GENRES = List.of("Action", "Comedy", "Drama", "Horror");
    static final List<String> OCCUPATIONS = List.of("student", "writer", "engineer");

    final IdIndex users = new IdIndex();
    final IdIndex items = new IdIndex();
    final SideInfo side = SideInfo.empty();
    final RatingSet train;
    final RatingSet test;

    SideWorld(int numUsers, int numItems, double density, long seed) {
        Random r = new Random(seed);
        int k = 2;
        double[][] pu = new double[numUsers][k];
        double[][] qi = new double[numItems][k];
        for (int u = 0; u < numUsers; u++) {
            side.putUser("u" + u, new UserAttributes(15 + r.nextInt(50), r.nextBoolean() ? "M" : "F",
                    OCCUPATIONS.get(r.nextInt(OCCUPATIONS.size()))));
            for (int f = 0; f < k; f++) {
                pu[u][f] = r.nextGaussian() * 0.8;
            }
        }
        for (int i = 0; i < numItems; i++) {
            side.putItem("i" + i, new ItemAttributes(1940 + r.nextInt(60),
                    List.of(GENRES.get(r.nextInt(GENRES.size())), GENRES.get(r.nextInt(GENRES.size())))));
            for (int f = 0; f < k; f++) {
                qi[i][f] = r.nextGaussian() * 0.8;
            }
        }
        RatingSetBuilder tr = new RatingSetBuilder(users, items);
        RatingSetBuilder te = new RatingSetBuilder(users, items);
        long t = 0;
        for (int u = 0; u < numUsers; u++) {
            for (int i = 0; i < numItems; i++) {
                double d = r.nextDouble();
                if (d >= density * 1.25) {
                    continue;
                }
                double y = 3.2;
                for (int f = 0; f < k; f++) {
                    y += pu[u][f] * qi[i][f];
                }
                y += r.nextGaussian() * 0.3;
                float rating = (float) Math.max(1, Math.min(5, Math.round(y)));
                (d < density ? tr : te).add("u" + u, "i" + i, rating, t++);
            }
        }
        int nu = users.size();
        int ni = items.size();
        train = tr.build(nu, ni);
        test = te.build(nu, ni);
    }
}
