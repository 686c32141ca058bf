package dev.keywarden.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * Draws the report's small line and bar charts as inline SVG, so the page needs no script, font or
 * image from anywhere; each chart carries a title and a description for screen readers, and series
 * differ by dash pattern and end label as well as by colour.
 */
final class SvgCharts {
  /** The usual chart width in SVG units; a wide chart passes a larger one. */
  static final int WIDTH = 640;

  private static final int HEIGHT = 240;
  private static final int LABEL_GAP = 14;
  private static final int LEFT = 56;
  private static final int RIGHT = 96;
  private static final int TOP = 16;
  private static final int BOTTOM = 34;

  private SvgCharts() {}

  /**
   * One line: its name, colour, SVG dash pattern (empty: solid) and one value per week (empty: no
   * data).
   */
  record Series(String name, String colour, String dash, List<Optional<Double>> values) {}

  /**
   * A line chart over {@code labels}; {@code fixedMax} (when present) fixes the top of the scale,
   * as for percentages.
   */
  static String line(
      String id,
      String title,
      String description,
      List<String> labels,
      List<Series> series,
      Optional<Double> fixedMax,
      DoubleFunction<String> format) {
    return line(id, title, description, labels, series, fixedMax, format, WIDTH);
  }

  /** A line chart {@code width} SVG units wide. */
  static String line(
      String id,
      String title,
      String description,
      List<String> labels,
      List<Series> series,
      Optional<Double> fixedMax,
      DoubleFunction<String> format,
      int width) {
    double max =
        fixedMax.orElseGet(
            () ->
                niceMax(
                    series.stream()
                        .flatMap(s -> s.values().stream())
                        .flatMap(Optional::stream)
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElse(0)));
    StringBuilder out = open(id, title, description, width);
    axes(out, labels, max, format, width);
    List<double[]> ends = new ArrayList<>();
    List<Series> ended = new ArrayList<>();
    for (Series s : series) {
      List<String> segment = new ArrayList<>();
      double[] last = null;
      for (int i = 0; i < labels.size(); i++) {
        Optional<Double> v = s.values().get(i);
        if (v.isEmpty()) {
          polyline(out, s, segment);
          segment = new ArrayList<>();
          continue;
        }
        double px = x(i, labels.size(), width);
        double py = y(v.get(), max);
        segment.add(num(px) + "," + num(py));
        last = new double[] {px, py};
        out.append("<circle cx=\"")
            .append(num(px))
            .append("\" cy=\"")
            .append(num(py))
            .append("\" r=\"3\" fill=\"")
            .append(s.colour())
            .append("\"/>");
      }
      polyline(out, s, segment);
      if (last != null) {
        ends.add(last);
        ended.add(s);
      }
    }
    endLabels(out, ends, ended);
    return out.append("</svg>").toString();
  }

  /**
   * Writes each series' name beside its last point, moved apart vertically so that no two overlap.
   */
  private static void endLabels(StringBuilder out, List<double[]> ends, List<Series> series) {
    Integer[] order = new Integer[ends.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(ends.get(a)[1], ends.get(b)[1]));
    double[] ys = new double[order.length];
    for (int k = 0; k < order.length; k++) {
      double wanted = ends.get(order[k])[1] + 4;
      ys[k] = k == 0 ? Math.max(TOP + 4, wanted) : Math.max(wanted, ys[k - 1] + LABEL_GAP);
    }
    double overflow = order.length == 0 ? 0 : ys[order.length - 1] - (HEIGHT - BOTTOM + 4);
    for (int k = order.length - 1; k >= 0 && overflow > 0; k--) {
      double limit = k == order.length - 1 ? HEIGHT - BOTTOM + 4 : ys[k + 1] - LABEL_GAP;
      ys[k] = Math.min(ys[k], limit);
    }
    for (int k = 0; k < order.length; k++) {
      double[] end = ends.get(order[k]);
      Series s = series.get(order[k]);
      out.append("<text x=\"")
          .append(num(end[0] + 9))
          .append("\" y=\"")
          .append(num(ys[k]))
          .append("\" fill=\"")
          .append(s.colour())
          .append("\" class=\"series-label\">");
      Html.append(out, s.name()).append("</text>");
    }
  }

  /** A bar chart, one bar per label, each with its value written above it. */
  static String bars(
      String id,
      String title,
      String description,
      List<String> labels,
      List<Optional<Double>> values,
      String colour,
      DoubleFunction<String> format) {
    int width = WIDTH;
    double max =
        niceMax(
            values.stream()
                .flatMap(Optional::stream)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0));
    StringBuilder out = open(id, title, description, width);
    axes(out, labels, max, format, width);
    double slot = (width - LEFT - RIGHT) / (double) Math.max(1, labels.size());
    double bar = Math.min(40, slot * 0.6);
    for (int i = 0; i < labels.size(); i++) {
      if (values.get(i).isEmpty()) {
        out.append("<text x=\"")
            .append(num(x(i, labels.size(), width)))
            .append("\" y=\"")
            .append(num(HEIGHT - BOTTOM - 6))
            .append("\" text-anchor=\"middle\" class=\"muted\">no data</text>");
        continue;
      }
      double v = values.get(i).get();
      double top = y(v, max);
      out.append("<rect x=\"")
          .append(num(x(i, labels.size(), width) - bar / 2))
          .append("\" y=\"")
          .append(num(top))
          .append("\" width=\"")
          .append(num(bar))
          .append("\" height=\"")
          .append(num(HEIGHT - BOTTOM - top))
          .append("\" fill=\"")
          .append(colour)
          .append("\"/>")
          .append("<text x=\"")
          .append(num(x(i, labels.size(), width)))
          .append("\" y=\"")
          .append(num(top - 5))
          .append("\" text-anchor=\"middle\">")
          .append(Html.escape(format.apply(v)))
          .append("</text>");
    }
    return out.append("</svg>").toString();
  }

  private static StringBuilder open(String id, String title, String description, int width) {
    StringBuilder out = new StringBuilder(4096);
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\" class=\"chart\">")
        .append("<title id=\"")
        .append(id)
        .append("-title\">");
    Html.append(out, title).append("</title><desc id=\"").append(id).append("-desc\">");
    Html.append(out, description).append("</desc>");
    return out;
  }

  private static void axes(
      StringBuilder out,
      List<String> labels,
      double max,
      DoubleFunction<String> format,
      int width) {
    int ticks = 4;
    for (int t = 0; t <= ticks; t++) {
      double v = max * t / ticks;
      double y = y(v, max);
      out.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(width - RIGHT + 8)
          .append("\" y1=\"")
          .append(num(y))
          .append("\" y2=\"")
          .append(num(y))
          .append("\" class=\"")
          .append(t == 0 ? "axis" : "grid")
          .append("\"/>")
          .append("<text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(num(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(Html.escape(format.apply(v)))
          .append("</text>");
    }
    for (int i = 0; i < labels.size(); i++) {
      out.append("<text x=\"")
          .append(num(x(i, labels.size(), width)))
          .append("\" y=\"")
          .append(HEIGHT - BOTTOM + 18)
          .append("\" text-anchor=\"middle\">");
      Html.append(out, labels.get(i)).append("</text>");
    }
  }

  private static void polyline(StringBuilder out, Series s, List<String> points) {
    if (points.size() < 2) {
      return;
    }
    out.append("<polyline fill=\"none\" stroke=\"")
        .append(s.colour())
        .append("\" stroke-width=\"2.5\"");
    if (!s.dash().isEmpty()) {
      out.append(" stroke-dasharray=\"").append(s.dash()).append('"');
    }
    out.append(" points=\"").append(String.join(" ", points)).append("\"/>");
  }

  private static double x(int i, int n, int width) {
    double inner = width - LEFT - RIGHT;
    return n <= 1 ? LEFT + inner / 2 : LEFT + inner * (i + 0.5) / n;
  }

  private static double y(double v, double max) {
    double inner = HEIGHT - TOP - BOTTOM;
    return TOP + inner * (1 - (max <= 0 ? 0 : v / max));
  }

  /**
   * The smallest 1, 2 or 5 times a power of ten, times 4 ticks, that holds {@code max}; at least 4.
   */
  static double niceMax(double max) {
    if (max <= 0) {
      return 4;
    }
    double raw = max / 4;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * magnitude >= raw) {
        return Math.max(4, step * magnitude * 4);
      }
    }
    return raw * 4;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
