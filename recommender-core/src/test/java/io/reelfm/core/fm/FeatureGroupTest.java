package io.reelfm.core.fm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureGroupTest {

    @Test
    void attributeGroupsShareTheHyperpriorOfTheIdsTheyDescribe() {
        assertThat(FeatureGroup.GENRES.priorGroup()).isEqualTo(FeatureGroup.ITEM);
        assertThat(FeatureGroup.YEAR.priorGroup()).isEqualTo(FeatureGroup.ITEM);
        assertThat(FeatureGroup.PROFILE.priorGroup()).isEqualTo(FeatureGroup.USER);
    }

    @Test
    void idAndImplicitFeedbackGroupsKeepTheirOwnHyperprior() {
        for (FeatureGroup g : new FeatureGroup[] {FeatureGroup.USER, FeatureGroup.ITEM, FeatureGroup.IMPLICIT,
                FeatureGroup.RATERS}) {
            assertThat(g.priorGroup()).isEqualTo(g);
        }
    }

    @Test
    void aGroupSharesAPriorOnlyWithinItsOwnSide() {
        for (FeatureGroup g : FeatureGroup.values()) {
            assertThat(g.priorGroup().side()).isEqualTo(g.side());
        }
    }
}
