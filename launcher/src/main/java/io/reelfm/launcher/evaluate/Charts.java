package io.reelfm.launcher.evaluate;

import io.reelfm.core.cluster.KSelection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts of an evaluation run, drawn headless with XChart. */
final class Charts {

    private Charts() {
    }

    /** Test RMSE after each iteration, one line per named series (learner or fold). */
    static void rmsePerIteration(Map<String, List<Double>> series, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(500).title("Test RMSE per iteration")
                .xAxisTitle("iteration").yAxisTitle("test RMSE").build();
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            List<Double> ys = e.getValue();
            if (ys.isEmpty()) {
                continue;
            }
            double[] x = new double[ys.size()];
            double[] y = new double[ys.size()];
            for (int i = 0; i < ys.size(); i++) {
                x[i] = i + 1;
                y[i] = ys.get(i);
            }
            chart.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.NONE);
        }
        save(chart, file);
    }

    /** Silhouette and inertia against k (the elbow and the silhouette choice side by side). */
    static void silhouetteVsK(KSelection.Report report, String what, Path file) throws IOException {
        int n = report.scores().size();
        double[] k = new double[n];
        double[] silhouette = new double[n];
        double[] inertia = new double[n];
        double maxInertia = 0;
        for (int i = 0; i < n; i++) {
            KSelection.Score s = report.scores().get(i);
            k[i] = s.k();
            silhouette[i] = s.silhouette();
            inertia[i] = s.inertia();
            maxInertia = Math.max(maxInertia, s.inertia());
        }
        for (int i = 0; i < n; i++) {
            inertia[i] = maxInertia == 0 ? 0 : inertia[i] / maxInertia;
        }
        XYChart chart = new XYChartBuilder().width(900).height(500)
                .title("k-means on " + what + ": silhouette vs k (best k = " + report.best().k() + ")")
                .xAxisTitle("k").yAxisTitle("value").build();
        chart.addSeries("silhouette", k, silhouette);
        chart.addSeries("inertia (relative to k=" + (int) k[0] + ")", k, inertia);
        save(chart, file);
    }

    private static void save(XYChart chart, Path file) throws IOException {
        String name = file.toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    }
}
