package org.alongside.console.commissioner;

import java.math.BigDecimal;
import java.util.List;
import org.alongside.console.api.outcomes.Dashboard;
import org.alongside.console.api.outcomes.Dashboard.Figure;


/**
 * Server-side SVG charts for the commissioner's dashboard, drawn by the console from outcomes-service's JSON summary:
 * plain shapes styled by class from the console's stylesheet (no inline style or script, so the strict
 * Content-Security-Policy holds). A suppressed value draws no bar and is
 * labelled "*"; every chart carries a title and a text alternative.
 */
final class Charts {

    /** One bar: its label, the figure it shows, and the text printed beside it. */
    record Bar(String label, Figure value, String text) {
        static Bar of(String label, Figure figure, String unit) {
            // a figure the service left out (null) is one there is nothing to compute from
            Figure value = figure == null ? new Figure(null, false, false) : figure;
            return new Bar(label, value, value.shown() ? value.value().toPlainString() + unit : value.toString());
        }
    }

    private Charts() {
    }

    /** Vertical bars, for a sequence such as months or waiting-time bands. */
    /** Each cell of a breakdown as a bar, labelled by the service's label. */
    static List<Bar> cells(List<Dashboard.Cell> cells, String unit) {
        return cells == null ? List.of() : cells.stream().map(c -> Bar.of(c.label(), c.count(), unit)).toList();
    }

    static String columns(String id, String title, List<Bar> bars) {
        int width = 640;
        int height = 220;
        int left = 40;
        int bottom = 40;
        int top = 20;
        double max = max(bars);
        int slot = bars.isEmpty() ? 0 : (width - left - 10) / bars.size();
        int plot = height - bottom - top;
        StringBuilder svg = open(id, title, width, height);
        svg.append(line(left, top + plot, width - 10, top + plot, "axis"));
        svg.append(text(left - 6, top + 4, "end", "tick", format(max)));
        svg.append(text(left - 6, top + plot, "end", "tick", "0"));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int x = left + i * slot + Math.max(2, slot / 8);
            int w = Math.max(4, slot - 2 * Math.max(2, slot / 8));
            double share = share(bar.value(), max);
            int h = (int) Math.round(share * plot);
            if (h > 0) {
                svg.append(rect(x, top + plot - h, w, h, "bar", bar.label() + ": " + bar.text()));
            }
            svg.append(text(x + w / 2, top + plot - h - 4, "middle", bar.value().suppressed() ? "value suppressed"
                    : "value", bar.text()));
            svg.append(text(x + w / 2, top + plot + 16, "middle", "tick", bar.label()));
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, for categories; {@code max} fixes the scale (100 for percentages), or 0 for the data's. */
    static String bars(String id, String title, List<Bar> bars, double max) {
        int width = 520;
        int row = 24;
        int labelWidth = 215;
        int height = Math.max(1, bars.size()) * row + 10;
        double scale = max > 0 ? max : max(bars);
        StringBuilder svg = open(id, title, width, height);
        int plot = width - labelWidth - 60;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 5 + i * row;
            svg.append(text(labelWidth - 8, y + 16, "end", "label", truncate(bar.label(), 32)));
            int w = (int) Math.round(share(bar.value(), scale) * plot);
            svg.append(rect(labelWidth, y + 3, plot, row - 6, "track", null));
            if (w > 0) {
                svg.append(rect(labelWidth, y + 3, w, row - 6, "bar", bar.label() + ": " + bar.text()));
            }
            svg.append(text(labelWidth + Math.max(w, 0) + 6, y + 16, "start",
                    bar.value().suppressed() ? "value suppressed" : "value", bar.text()));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, int width, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(Html.escape(id))
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(Html.escape(id)).append("-title\">")
                .append("<title id=\"").append(Html.escape(id)).append("-title\">").append(Html.escape(title))
                .append("</title>");
        return svg;
    }

    private static double max(List<Bar> bars) {
        double max = 0;
        for (Bar bar : bars) {
            if (bar.value().shown()) {
                max = Math.max(max, bar.value().value().doubleValue());
            }
        }
        return max == 0 ? 1 : max;
    }

    private static double share(Figure value, double max) {
        if (!value.shown() || max <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, value.value().doubleValue() / max));
    }

    private static String rect(int x, int y, int w, int h, String cssClass, String tooltip) {
        String shape = "<rect class=\"" + cssClass + "\" x=\"" + x + "\" y=\"" + y + "\" width=\"" + w
                + "\" height=\"" + h + "\"";
        return tooltip == null ? shape + "/>" : shape + "><title>" + Html.escape(tooltip) + "</title></rect>";
    }

    private static String line(int x1, int y1, int x2, int y2, String cssClass) {
        return "<line class=\"" + cssClass + "\" x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2
                + "\"/>";
    }

    private static String text(int x, int y, String anchor, String cssClass, String content) {
        return "<text class=\"" + cssClass + "\" x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">"
                + Html.escape(content) + "</text>";
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "\u2026";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value)
                : new BigDecimal(value).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** Escaping for text and attribute values. */
    static final class Html {
        private Html() {
        }

        static String escape(String text) {
            if (text == null) {
                return "";
            }
            StringBuilder out = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }

    }
}
