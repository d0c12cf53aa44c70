package io.reelfm.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class IngestLoadTest {

    private final IngestLoad.Options base = new IngestLoad.Options(URI.create("http://localhost:1"), 5, 2, 1, 10, 10, 42, true, "r");

    @Test
    void bodiesSplitEventsIntoBatchesWithALastPartialOne() {
        List<String> bodies = IngestLoad.bodies(base);

        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(2).lines()).singleElement().asString().contains("\"eventId\":\"r-4\"");
    }

    @Test
    void sameSeedGivesTheSameRatings() {
        assertThat(IngestLoad.bodies(base).get(0).replaceAll("\"timestamp\":\\d+", ""))
                .isEqualTo(IngestLoad.bodies(base).get(0).replaceAll("\"timestamp\":\\d+", ""));
    }

    @Test
    void jsonFormatBuildsArrays() {
        IngestLoad.Options json = IngestLoad.parse(new String[] {"--format", "json", "--events", "3", "--batch", "3"}, base);

        assertThat(IngestLoad.bodies(json)).singleElement().asString().startsWith("[{").endsWith("}]");
    }

    @Test
    void unknownOptionIsNamed() {
        assertThatThrownBy(() -> IngestLoad.parse(new String[] {"--rate", "5"}, base)).hasMessageContaining("unknown option --rate");
    }
}
