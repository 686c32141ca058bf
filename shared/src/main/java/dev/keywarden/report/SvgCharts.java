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
  private static final int WIDTH = 640;
  private static final int HEIGHT = 240;
  private static final int LEFT = 56;
  private static final int RIGHT = 96;
  private static final int TOP = 16;
  private static final int BOTTOM = 34;

  private SvgCharts() {}

  /** One line: its name, colour, SVG dash pattern (empty: solid) and one value per week (empty: no data). */
  record Series(String name, String colour, String dash, List<Optional<Double>> values) {}

  /**
   * A line chart over {@code labels}; {@code fixedMax} (when present) fixes the top of the scale, as for
   * percentages.
   */
  static String line(String id, String title, String description, List<String> labels, List<Series> series,
      Optional<Double> fixedMax, DoubleFunction<String> format) {
    double max = fixedMax.orElseGet(() -> niceMax(series.stream().flatMap(s -> s.values().stream())
        .flatMap(Optional::stream).mapToDouble(Double::doubleValue).max().orElse(0)));
    StringBuilder out = open(id, title, description);
    axes(out, labels, max, format);
    for (Series s : series) {
      List<String> segment = new ArrayList<>();
      String last = null;
      for (int i = 0; i < labels.size(); i++) {
        Optional<Double> v = s.values().get(i);
        if (v.isEmpty()) {
          polyline(out, s, segment);
          segment = new ArrayList<>();
          continue;
        }
        String point = num(x(i, labels.size())) + "," + num(y(v.get(), max));
        segment.add(point);
        last = point;
        out.append("<circle cx=\"").append(num(x(i, labels.size()))).append("\" cy=\"").append(num(y(v.get(), max)))
            .append("\" r=\"3\" fill=\"").append(s.colour()).append("\"/>");
      }
      polyline(out, s, segment);
      if (last != null) {
        String[] xy = last.split(",");
        out.append("<text x=\"").append(num(Double.parseDouble(xy[0]) + 8)).append("\" y=\"")
            .append(num(Double.parseDouble(xy[1]) + 4)).append("\" fill=\"").append(s.colour())
            .append("\" class=\"series-label\">");
        Html.append(out, s.name()).append("</text>");
      }
    }
    return out.append("</svg>").toString();
  }

  /** A bar chart, one bar per label, each with its value written above it. */
  static String bars(String id, String title, String description, List<String> labels, List<Optional<Double>> values,
      String colour, DoubleFunction<String> format) {
    double max = niceMax(values.stream().flatMap(Optional::stream).mapToDouble(Double::doubleValue).max().orElse(0));
    StringBuilder out = open(id, title, description);
    axes(out, labels, max, format);
    double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, labels.size());
    double bar = Math.min(40, slot * 0.6);
    for (int i = 0; i < labels.size(); i++) {
      if (values.get(i).isEmpty()) {
        out.append("<text x=\"").append(num(x(i, labels.size()))).append("\" y=\"").append(num(HEIGHT - BOTTOM - 6))
            .append("\" text-anchor=\"middle\" class=\"muted\">no data</text>");
        continue;
      }
      double v = values.get(i).get();
      double top = y(v, max);
      out.append("<rect x=\"").append(num(x(i, labels.size()) - bar / 2)).append("\" y=\"").append(num(top))
          .append("\" width=\"").append(num(bar)).append("\" height=\"").append(num(HEIGHT - BOTTOM - top))
          .append("\" fill=\"").append(colour).append("\"/>")
          .append("<text x=\"").append(num(x(i, labels.size()))).append("\" y=\"").append(num(top - 5))
          .append("\" text-anchor=\"middle\">").append(Html.escape(format.apply(v))).append("</text>");
    }
    return out.append("</svg>").toString();
  }

  private static StringBuilder open(String id, String title, String description) {
    StringBuilder out = new StringBuilder(4096);
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\" class=\"chart\">")
        .append("<title id=\"").append(id).append("-title\">");
    Html.append(out, title).append("</title><desc id=\"").append(id).append("-desc\">");
    Html.append(out, description).append("</desc>");
    return out;
  }

  private static void axes(StringBuilder out, List<String> labels, double max, DoubleFunction<String> format) {
    int ticks = 4;
    for (int t = 0; t <= ticks; t++) {
      double v = max * t / ticks;
      double y = y(v, max);
      out.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT + 8).append("\" y1=\"").append(num(y))
          .append("\" y2=\"").append(num(y)).append("\" class=\"").append(t == 0 ? "axis" : "grid").append("\"/>")
          .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4))
          .append("\" text-anchor=\"end\">").append(Html.escape(format.apply(v))).append("</text>");
    }
    for (int i = 0; i < labels.size(); i++) {
      out.append("<text x=\"").append(num(x(i, labels.size()))).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
          .append("\" text-anchor=\"middle\">");
      Html.append(out, labels.get(i)).append("</text>");
    }
  }

  private static void polyline(StringBuilder out, Series s, List<String> points) {
    if (points.size() < 2) {
      return;
    }
    out.append("<polyline fill=\"none\" stroke=\"").append(s.colour()).append("\" stroke-width=\"2.5\"");
    if (!s.dash().isEmpty()) {
      out.append(" stroke-dasharray=\"").append(s.dash()).append('"');
    }
    out.append(" points=\"").append(String.join(" ", points)).append("\"/>");
  }

  private static double x(int i, int n) {
    double inner = WIDTH - LEFT - RIGHT;
    return n <= 1 ? LEFT + inner / 2 : LEFT + inner * (i + 0.5) / n;
  }

  private static double y(double v, double max) {
    double inner = HEIGHT - TOP - BOTTOM;
    return TOP + inner * (1 - (max <= 0 ? 0 : v / max));
  }

  /** The smallest 1, 2 or 5 times a power of ten, times 4 ticks, that holds {@code max}; at least 4. */
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
