package io.reelfm.serving.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reelfm.service.config.ConfigException;

class VariantsTest {

    @Test
    void assignmentIsStickyAndFollowsTheWeights() {
        Variants v = new Variants(Variant.parseAll("k", "a:fm-als:1,b:fm-sgd:3"));
        Map<String, Integer> counts = new HashMap<>();
        for (int u = 0; u < 20_000; u++) {
            String name = v.assign("user-" + u).name();
            assertThat(v.assign("user-" + u).name()).isEqualTo(name);
            counts.merge(name, 1, Integer::sum);
        }
        assertThat(counts.get("a") / 20_000.0).isBetween(0.23, 0.27);
        assertThat(counts.get("b") / 20_000.0).isBetween(0.73, 0.77);
    }

    @Test
    void malformedSpecificationNamesTheKeyAndTheEntry() {
        assertThatThrownBy(() -> Variant.parseAll("reelfm.serving.variants", "a:fm-als"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.serving.variants").hasMessageContaining("a:fm-als");
        assertThatThrownBy(() -> Variant.parseAll("reelfm.serving.variants", "a:fm-als:0"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("weight");
        assertThat(Variant.parseAll("k", " a : m : 2 ")).isEqualTo(List.of(new Variant("a", "m", 2)));
    }
}
