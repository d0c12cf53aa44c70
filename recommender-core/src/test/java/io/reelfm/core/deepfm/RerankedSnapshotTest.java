package io.reelfm.core.deepfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.rank.ImplicitAls;
import io.reelfm.core.rank.ImplicitAlsConfig;
import io.reelfm.core.rank.ImplicitAlsModel;
import io.reelfm.core.rank.InteractionWeight;
import io.reelfm.core.rank.Interactions;
import io.reelfm.core.topk.ScoredItems;

/** A ranking snapshot with a DeepFM re-ranker travels whole and serves lists ordered by the network. */
class RerankedSnapshotTest {

    private static final ImplicitAlsConfig CONFIG = ImplicitAlsConfig.defaults().withFactors(6).withIterations(6)
            .withWeight(new InteractionWeight(1, 5, 1f));

    private final IdIndex users = new IdIndex();
    private final IdIndex items = new IdIndex();
    private final SideInfo side = SideInfo.empty();

    private RatingSet data() {
        RatingSetBuilder b = new RatingSetBuilder(users, items);
        SplittableRandom random = new SplittableRandom(9);
        for (int u = 0; u < 80; u++) {
            side.putUser("u" + u, new UserAttributes(18 + u % 40, u % 2 == 0 ? "F" : "M", "job" + u % 5));
            for (int n = 0; n < 12; n++) {
                int i = (u % 4) + 4 * random.nextInt(10);
                b.add("u" + u, "m" + i, 1 + random.nextInt(5), n);
            }
        }
        for (int i = 0; i < items.size(); i++) {
            String id = items.id(i);
            int n = Integer.parseInt(id.substring(1));
            side.putItem(id, new ItemAttributes(1960 + n, List.of("g" + n % 3, "all")));
        }
        return b.build();
    }

    /** A network with random weights over the features of {@code data}. */
    private DeepFmNet randomNet(RatingSet data, int candidates, long seed) {
        DeepFmFeatures features = DeepFmFeatures.of(items, side, users, data, 20);
        SplittableRandom random = new SplittableRandom(seed);
        int k = 5;
        int[] hidden = {7, 4};
        float[][] emb = new float[Field.values().length][];
        float[][] lin = new float[Field.values().length][];
        for (Field f : Field.values()) {
            emb[f.ordinal()] = gaussian(random, features.size(f) * k);
            lin[f.ordinal()] = gaussian(random, features.size(f));
        }
        int[] widths = {Field.values().length * k, hidden[0], hidden[1], 1};
        float[][] w = new float[3][];
        float[][] b = new float[3][];
        for (int l = 0; l < 3; l++) {
            w[l] = gaussian(random, widths[l] * widths[l + 1]);
            b[l] = gaussian(random, widths[l + 1]);
        }
        return new DeepFmNet(features, k, candidates, emb, lin, w, b);
    }

    private static float[] gaussian(SplittableRandom random, int n) {
        float[] out = new float[n];
        for (int j = 0; j < n; j++) {
            out[j] = (float) (random.nextDouble(-1, 1) * 0.5);
        }
        return out;
    }

    @Test
    void aDecodedNetworkScoresExactlyAsTheOriginal() {
        RatingSet data = data();
        DeepFmNet net = randomNet(data, 15, 3);
        DeepFmNet decoded = DeepFmNet.decode(net.encode());
        DeepFmFeatures.UserFields user = net.features().user(side.user("u3"), new int[] {0, 4, 7});
        int[] rows = {1, 2, 3, 5, -1};
        float[] z = {1.5f, 0.5f, 0f, -0.5f, -1f};
        float[] position = {0, 0.1f, 0.2f, 0.3f, 0.4f};
        float[] a = new float[5];
        float[] b = new float[5];
        net.score(net.userState(user), rows, z, position, 5, a);
        decoded.score(decoded.userState(decoded.features().user(side.user("u3"), new int[] {0, 4, 7})), rows, z, position,
                5, b);
        assertThat(b).containsExactly(a);
        assertThat(decoded.hidden()).containsExactly(7, 4);
        assertThat(decoded.candidates()).isEqualTo(15);
    }

    @Test
    void aRerankedSnapshotListsTheRetrievalCandidatesInTheNetworksOrder() {
        RatingSet data = data();
        ImplicitAlsModel model = new ImplicitAls(CONFIG).train(Interactions.of(data, CONFIG.weight()));
        FmSnapshot plain = FmSnapshot.ranking(model, items, 0, null);
        DeepFmNet net = randomNet(data, 12, 5);
        FmItemScorer reranked = new FmItemScorer(FmSnapshotCodec.decode(FmSnapshotCodec.encode(plain.withReranker(net))));
        FmItemScorer retrieval = new FmItemScorer(plain);

        String[] history = {"m1", "m5", "m9"};
        float[] ratings = {5, 4, 2};
        BitSet rated = new BitSet();
        for (String id : history) {
            rated.set(retrieval.item(id));
        }
        UserVector user = reranked.foldIn(side.user("u1"), history, ratings);
        ScoredItems candidates = retrieval.topK(retrieval.foldIn(null, history, ratings), 12, rated);
        ScoredItems list = reranked.topK(user, 5, rated);

        // the network's own scores of the same candidates, computed by hand
        int m = candidates.size();
        float[][] inputs = DeepFmFeatures.retrievalInputs(candidates, 12);
        float[] z = inputs[0];
        float[] position = inputs[1];
        int[] rows = candidates.indices();
        float[] logits = new float[m];
        int[] ratedRows = Arrays.stream(history).mapToInt(retrieval::item).toArray();
        net.score(net.userState(net.features().user(side.user("u1"), ratedRows)), rows, z, position, m, logits);
        Integer[] order = new Integer[m];
        for (int j = 0; j < m; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Float.compare(logits[b], logits[a]));

        assertThat(list.size()).isEqualTo(5);
        for (int p = 0; p < 5; p++) {
            assertThat(list.index(p)).isEqualTo(rows[order[p]]);
            assertThat(list.score(p)).isEqualTo(logits[order[p]]);
            assertThat(rated.get(list.index(p))).isFalse();
        }
        assertThat(list.indices()).isNotEqualTo(Arrays.copyOf(candidates.indices(), 5));
    }

    @Test
    void aLongerListContinuesInRetrievalOrderBelowTheRerankedCandidates() {
        RatingSet data = data();
        ImplicitAlsModel model = new ImplicitAls(CONFIG).train(Interactions.of(data, CONFIG.weight()));
        FmSnapshot plain = FmSnapshot.ranking(model, items, 0, null);
        FmItemScorer reranked = new FmItemScorer(plain.withReranker(randomNet(data, 6, 8)));
        FmItemScorer retrieval = new FmItemScorer(plain);
        String[] history = {"m2", "m6"};
        float[] ratings = {5, 5};
        ScoredItems list = reranked.topK(reranked.foldIn(null, history, ratings), 10, null);
        ScoredItems base = retrieval.topK(retrieval.foldIn(null, history, ratings), 10, null);

        assertThat(Arrays.stream(list.indices(), 0, 6).sorted().toArray())
                .containsExactly(Arrays.stream(base.indices(), 0, 6).sorted().toArray());
        assertThat(Arrays.copyOfRange(list.indices(), 6, 10)).containsExactly(Arrays.copyOfRange(base.indices(), 6, 10));
        for (int p = 1; p < 10; p++) {
            assertThat(list.score(p)).isLessThanOrEqualTo(list.score(p - 1));
        }
    }

    @Test
    void aNetworkForAnotherCatalogueOrATruncatedOneIsRefused() {
        RatingSet data = data();
        FmSnapshot plain = FmSnapshot.ranking(new ImplicitAls(CONFIG).train(Interactions.of(data, CONFIG.weight())), items, 0,
                null);
        byte[] bytes = FmSnapshotCodec.encode(plain.withReranker(randomNet(data, 6, 1)));
        assertThatThrownBy(() -> FmSnapshotCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DeepFM");

        IdIndex otherItems = new IdIndex();
        otherItems.indexOf("elsewhere");
        RatingSet other = new RatingSet(new int[] {0}, new int[] {0}, new float[] {5}, new long[] {0}, 1, 1);
        DeepFmFeatures foreign = DeepFmFeatures.of(otherItems, side, users, other, 5);
        DeepFmNet net = randomNet(data, 6, 1);
        float[][] emb = new float[Field.values().length][];
        float[][] lin = new float[Field.values().length][];
        for (Field f : Field.values()) {
            emb[f.ordinal()] = new float[foreign.size(f) * net.k()];
            lin[f.ordinal()] = new float[foreign.size(f)];
        }
        DeepFmNet wrong = new DeepFmNet(foreign, net.k(), 6, emb, lin, new float[][] {new float[Field.values().length * net.k()]},
                new float[][] {new float[1]});
        assertThatThrownBy(() -> plain.withReranker(wrong)).hasMessageContaining("items");
    }
}
