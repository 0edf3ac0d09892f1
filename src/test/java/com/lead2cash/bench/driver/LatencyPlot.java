package com.lead2cash.bench.driver;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Latency against data size (PNG, drawn with Java2D): one small chart per operation, the sizes found
 * in the results directory (S, M, L) on a logarithmic axis, product p95 and p50 and the raw SQL's p95.
 */
public final class LatencyPlot {

    private static final int PANEL_W = 300;
    private static final int PANEL_H = 200;
    private static final int COLUMNS = 4;
    private static final int MARGIN = 40;
    private static final Color PRODUCT = new Color(0x1f, 0x5f, 0xbf);
    private static final Color RAW = new Color(0xd0, 0x60, 0x20);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private LatencyPlot() {
    }

    /** Reads {@code <results>/<size>/report.json} of every size present and draws the plot; null when none. */
    public static Path write(Path results) throws IOException {
        Map<String, Report.Run> runs = new LinkedHashMap<>();
        for (String size : List.of("S", "M", "L")) {
            Path file = results.resolve(size).resolve("report.json");
            if (Files.exists(file)) {
                runs.put(size, Report.read(file));
            }
        }
        if (runs.isEmpty()) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        runs.values().forEach(r -> r.operations().forEach(l -> names.add(l.name())));
        List<String> ops = new ArrayList<>(names);
        int rows = (ops.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage img = new BufferedImage(COLUMNS * PANEL_W, rows * PANEL_H + 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(FONT);
        g.setColor(Color.DARK_GRAY);
        g.drawString("Lead2Cash: latency (ms) against data size — blue: product p95 (thin: p50), orange dashed: raw SQL p95",
                10, 18);
        for (int i = 0; i < ops.size(); i++) {
            panel(g, ops.get(i), runs, (i % COLUMNS) * PANEL_W, 30 + (i / COLUMNS) * PANEL_H);
        }
        g.dispose();
        Path file = results.resolve("latency-vs-size.png");
        ImageIO.write(img, "png", file.toFile());
        Files.writeString(results.resolve("scaling.md"), scaling(runs, ops));
        return file;
    }

    /** p95 of every operation at each size; lists and searches must stay within 1.5 × their p95 at S at L. */
    static String scaling(Map<String, Report.Run> runs, List<String> ops) {
        StringBuilder md = new StringBuilder("# p95 (ms) against data size\n\n| operation | ");
        runs.keySet().forEach(size -> md.append(size).append(" | "));
        md.append("L / S | target |\n| --- | ");
        runs.keySet().forEach(size -> md.append("---: | "));
        md.append("---: | --- |\n");
        for (String op : ops) {
            md.append("| ").append(op).append(" | ");
            Map<String, Report.Line> lines = new LinkedHashMap<>();
            runs.forEach((size, run) -> run.operations().stream().filter(l -> l.name().equals(op)).findFirst()
                    .ifPresent(l -> lines.put(size, l)));
            runs.keySet().forEach(size -> md.append(lines.containsKey(size)
                    ? String.format(Locale.ROOT, "%.1f", lines.get(size).product().p95()) : "").append(" | "));
            Report.Line s = lines.get("S");
            Report.Line l = lines.get("L");
            boolean judged = l != null && ("LIST".equals(l.kind()) || "SEARCH".equals(l.kind()));
            double ratio = s == null || l == null || s.product().p95() == 0 ? Double.NaN
                    : l.product().p95() / s.product().p95();
            md.append(Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio)).append(" | ")
                    .append(!judged || Double.isNaN(ratio) ? "" : ratio <= 1.5 ? "met" : "**L > 1.5 × S**")
                    .append(" |\n");
        }
        return md.toString();
    }

    private static void panel(Graphics2D g, String op, Map<String, Report.Run> runs, int x0, int y0) {
        List<String> sizes = new ArrayList<>(runs.keySet());
        List<double[]> points = new ArrayList<>();
        double max = 1;
        for (String size : sizes) {
            Report.Line line = runs.get(size).operations().stream().filter(l -> l.name().equals(op)).findFirst()
                    .orElse(null);
            double[] p = line == null ? null : new double[] {line.product().p95(), line.product().p50(),
                line.raw() == null ? Double.NaN : line.raw().p95()};
            points.add(p);
            if (p != null) {
                max = Math.max(max, Math.max(p[0], Double.isNaN(p[2]) ? 0 : p[2]));
            }
        }
        int left = x0 + MARGIN;
        int right = x0 + PANEL_W - 15;
        int top = y0 + 22;
        int bottom = y0 + PANEL_H - 28;
        g.setColor(Color.BLACK);
        g.drawString(op, x0 + 8, y0 + 14);
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(left, top, right - left, bottom - top);
        double niceMax = nice(max);
        g.setColor(Color.GRAY);
        for (int t = 0; t <= 4; t++) {
            int y = bottom - (bottom - top) * t / 4;
            g.drawLine(left - 3, y, left, y);
            g.drawString(label(niceMax * t / 4), x0 + 2, y + 4);
        }
        // the sizes are 10^4, 10^5, 10^6 leads: equal steps on a logarithmic axis
        int n = sizes.size();
        int[] xs = new int[n];
        for (int i = 0; i < n; i++) {
            int order = "S".equals(sizes.get(i)) ? 0 : "M".equals(sizes.get(i)) ? 1 : 2;
            xs[i] = left + 20 + (right - left - 40) * order / 2;
            g.setColor(Color.GRAY);
            g.drawString(sizes.get(i), xs[i] - 3, bottom + 14);
        }
        series(g, points, xs, 0, niceMax, top, bottom, PRODUCT, new BasicStroke(2f));
        series(g, points, xs, 1, niceMax, top, bottom, PRODUCT, new BasicStroke(1f));
        series(g, points, xs, 2, niceMax, top, bottom, RAW, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
    }

    private static void series(Graphics2D g, List<double[]> points, int[] xs, int index, double max, int top,
                               int bottom, Color color, BasicStroke stroke) {
        g.setColor(color);
        g.setStroke(stroke);
        int px = -1;
        int py = -1;
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            if (p == null || Double.isNaN(p[index])) {
                continue;
            }
            int y = bottom - (int) Math.round((bottom - top) * Math.min(1, p[index] / max));
            g.fillOval(xs[i] - 3, y - 3, 6, 6);
            if (px >= 0) {
                g.drawLine(px, py, xs[i], y);
            }
            px = xs[i];
            py = y;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static double nice(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double v) {
        return v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
