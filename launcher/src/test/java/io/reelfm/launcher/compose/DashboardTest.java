package io.reelfm.launcher.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The provisioned Grafana dashboard as Grafana reads it: every panel placed on the 24-column grid
 * with whole numbers and without overlapping another, titled, and querying something. (The compose
 * test checks the queries against a running stack; this checks the file on every build.)
 */
class DashboardTest {

    private static final Path DASHBOARD = Path.of("..", "deploy", "monitoring", "grafana", "dashboards", "reelfm.json");

    @Test
    void everyPanelSitsOnTheGridWithoutOverlapAndQueriesSomething() throws IOException {
        JsonNode panels = new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels");
        assertThat(panels.size()).isGreaterThan(8);
        Set<String> cells = new HashSet<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            titles.add(title);
            assertThat(title).as("a panel's title").isNotBlank();
            JsonNode grid = panel.path("gridPos");
            for (String field : List.of("x", "y", "w", "h")) {
                assertThat(grid.path(field).isInt()).as("%s: gridPos.%s is a whole number, was %s", title, field, grid.path(field))
                        .isTrue();
            }
            int x = grid.path("x").asInt();
            int y = grid.path("y").asInt();
            int w = grid.path("w").asInt();
            int h = grid.path("h").asInt();
            assertThat(w).as("%s: width", title).isBetween(1, 24);
            assertThat(x + w).as("%s: right edge", title).isLessThanOrEqualTo(24);
            assertThat(h).as("%s: height", title).isPositive();
            for (int col = x; col < x + w; col++) {
                for (int row = y; row < y + h; row++) {
                    assertThat(cells.add(col + "," + row)).as("%s overlaps another panel at %d,%d", title, col, row).isTrue();
                }
            }
            assertThat(panel.path("targets").size()).as("%s: queries", title).isPositive();
            panel.path("targets").forEach(t -> assertThat(t.path("expr").asText()).as("%s: a query", title).isNotBlank());
        }
        assertThat(new HashSet<>(titles)).as("titles are distinct").hasSameSizeAs(titles);
    }
}
