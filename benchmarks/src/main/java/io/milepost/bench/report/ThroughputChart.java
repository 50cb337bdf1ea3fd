package io.milepost.bench.report;

import io.milepost.bench.engine.EngineKind;
import io.milepost.bench.harness.Results.RunResult;
import io.milepost.bench.harness.Results.Summary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A grouped bar chart of median throughput (instances per second) per workload and engine, with the
 * min-max range of the rounds as a whisker, drawn with Java2D. One chart per store.
 */
public final class ThroughputChart {

  private static final int WIDTH = 1100;
  private static final int PANEL_HEIGHT = 420;

  private ThroughputChart() {}

  /** Draws one panel per store, stacked, into {@code target}. */
  public static void write(List<String> stores, List<String> workloads, List<String> engines,
      List<String> engineLabels, List<String> workloadLabels, List<RunResult> results, Path target) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, PANEL_HEIGHT * stores.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int s = 0; s < stores.size(); s++) {
      String store = stores.get(s);
      Graphics2D panel = (Graphics2D) g.create(0, s * PANEL_HEIGHT, WIDTH, PANEL_HEIGHT);
      drawPanel(panel, store, workloads, engines, engineLabels, workloadLabels,
          results.stream().filter(r -> r.store().equals(store)).toList());
      panel.dispose();
    }
    g.dispose();
    ImageIO.write(image, "png", target.toFile());
  }

  private static void drawPanel(Graphics2D g, String store, List<String> workloads, List<String> engines,
      List<String> engineLabels, List<String> workloadLabels, List<RunResult> results) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int legendWidth = 14 + 6 + engineLabels.stream().mapToInt(g.getFontMetrics()::stringWidth).max().orElse(0);
    int left = 80;
    int right = WIDTH - 20 - legendWidth - 20;
    int top = 50;
    int bottom = PANEL_HEIGHT - 60;
    double max = results.stream().mapToDouble(r -> r.throughput().max()).filter(v -> !Double.isNaN(v)).max().orElse(1);
    double axisMax = niceCeiling(max);

    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString("Throughput at saturation, " + store + " store (median of rounds, whisker = min..max)", left, 28);

    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics metrics = g.getFontMetrics();
    for (int i = 0; i <= 5; i++) {
      double value = axisMax * i / 5;
      int y = bottom - (int) Math.round((bottom - top) * value / axisMax);
      g.setColor(new Color(0xdddddd));
      g.drawLine(left, y, right, y);
      g.setColor(Color.BLACK);
      String label = value >= 10 ? String.format("%.0f", value) : String.format("%.1f", value);
      g.drawString(label, left - 8 - metrics.stringWidth(label), y + 4);
    }
    g.drawLine(left, top, left, bottom);
    g.drawLine(left, bottom, right, bottom);

    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2);
    String yLabel = "completed instances per second";
    g.drawString(yLabel, -(top + bottom) / 2 - metrics.stringWidth(yLabel) / 2, 22);
    g.setTransform(saved);
    String xLabel = "workload";
    g.drawString(xLabel, (left + right) / 2 - metrics.stringWidth(xLabel) / 2, bottom + 42);

    int groupWidth = (right - left) / workloads.size();
    int barWidth = Math.min(60, (groupWidth - 30) / Math.max(1, engines.size()));
    for (int w = 0; w < workloads.size(); w++) {
      int groupLeft = left + w * groupWidth + (groupWidth - barWidth * engines.size()) / 2;
      String wl = workloadLabels.get(w);
      g.setColor(Color.BLACK);
      g.drawString(wl, left + w * groupWidth + groupWidth / 2 - metrics.stringWidth(wl) / 2, bottom + 20);
      for (int e = 0; e < engines.size(); e++) {
        String engine = engines.get(e);
        String workload = workloads.get(w);
        RunResult result = results.stream().filter(r -> r.engine().equals(engine) && r.workload().equals(workload))
            .findFirst().orElse(null);
        if (result == null || result.saturation().isEmpty()) {
          continue;
        }
        Summary throughput = result.throughput();
        int x = groupLeft + e * barWidth;
        int height = (int) Math.round((bottom - top) * throughput.median() / axisMax);
        g.setColor(colour(engine));
        g.fillRect(x + 2, bottom - height, barWidth - 4, height);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        int yMin = bottom - (int) Math.round((bottom - top) * throughput.min() / axisMax);
        int yMax = bottom - (int) Math.round((bottom - top) * throughput.max() / axisMax);
        int cx = x + barWidth / 2;
        g.drawLine(cx, yMin, cx, yMax);
        g.drawLine(cx - 5, yMin, cx + 5, yMin);
        g.drawLine(cx - 5, yMax, cx + 5, yMax);
        String value = throughput.median() >= 10 ? String.format("%.0f", throughput.median())
            : String.format("%.1f", throughput.median());
        g.drawString(value, cx - metrics.stringWidth(value) / 2, Math.min(yMax, bottom - height) - 5);
      }
    }

    int legendY = top + 10;
    for (int e = 0; e < engines.size(); e++) {
      g.setColor(colour(engines.get(e)));
      g.fillRect(right + 20, legendY + e * 22, 14, 14);
      g.setColor(Color.BLACK);
      g.drawString(engineLabels.get(e), right + 40, legendY + e * 22 + 12);
    }
  }

  /** A fixed colour per engine, so an engine keeps its colour whichever engines a run compares. */
  private static Color colour(String engine) {
    return switch (EngineKind.byId(engine)) {
      case MILEPOST -> new Color(0x1f77b4);
      case MILEPOST_REST -> new Color(0xff7f0e);
      case MILEPOST_GRPC -> new Color(0xd62728);
      case FLOWABLE -> new Color(0x2ca02c);
      case MILEPOST_PLUGINS -> new Color(0x9467bd);
    };
  }

  private static double niceCeiling(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value * 1.1) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
