package org.coproduction.timeline.report.query;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bar charts as inline SVG, drawn on the server so the report needs no script: stacked bars (parts
 * of a whole per category) and grouped bars (several measures side by side per category). Each
 * chart is an image with a title and a description; the report puts a data table after it.
 */
final class SvgCharts {

    /** Okabe-Ito colours: told apart with the common colour-vision deficiencies, dark enough on white. */
    static final List<String> PALETTE =
            List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999");

    private static final int WIDTH = 720;
    private static final int HEIGHT = 300;
    private static final int LEFT = 50;
    private static final int TOP = 20;
    private static final int PLOT_WIDTH = 470;
    private static final int PLOT_HEIGHT = 190;
    private static final int LEGEND_X = 545;

    private SvgCharts() {}

    /** One bar per category, its series stacked bottom-up; the y axis runs from 0 to {@code max}. */
    static String stackedBars(
            String id,
            String title,
            String desc,
            List<String> categories,
            Map<String, List<Double>> series,
            double max) {
        StringBuilder svg = open(id, title, desc, max);
        double slot = (double) PLOT_WIDTH / Math.max(1, categories.size());
        double barWidth = slot * 0.6;
        for (int c = 0; c < categories.size(); c++) {
            double x = LEFT + c * slot + (slot - barWidth) / 2;
            double base = 0;
            int colour = 0;
            for (List<Double> values : series.values()) {
                double value = values.get(c);
                bar(svg, x, base, value, barWidth, max, PALETTE.get(colour++ % PALETTE.size()));
                base += value;
            }
        }
        return close(svg, categories, series.keySet(), slot);
    }

    /** One group per category, a bar for each series side by side; the y axis runs from 0 to {@code max}. */
    static String groupedBars(
            String id,
            String title,
            String desc,
            List<String> categories,
            Map<String, List<Double>> series,
            double max) {
        StringBuilder svg = open(id, title, desc, max);
        double slot = (double) PLOT_WIDTH / Math.max(1, categories.size());
        double barWidth = slot * 0.7 / Math.max(1, series.size());
        for (int c = 0; c < categories.size(); c++) {
            double x = LEFT + c * slot + slot * 0.15;
            int colour = 0;
            for (List<Double> values : series.values()) {
                bar(svg, x, 0, values.get(c), barWidth, max, PALETTE.get(colour++ % PALETTE.size()));
                x += barWidth;
            }
        }
        return close(svg, categories, series.keySet(), slot);
    }

    private static StringBuilder open(String id, String title, String desc, double max) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\">\n<title id=\"")
                .append(id)
                .append("-title\">")
                .append(HtmlReport.escape(title))
                .append("</title>\n<desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(HtmlReport.escape(desc))
                .append("</desc>\n");
        for (int tick = 0; tick <= 4; tick++) {
            double value = max * tick / 4;
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * tick / 4.0;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#bbbbbb\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
                    LEFT,
                    y,
                    LEFT + PLOT_WIDTH,
                    y,
                    LEFT - 6,
                    y + 4,
                    number(value)));
        }
        return svg;
    }

    private static void bar(
            StringBuilder svg, double x, double base, double value, double width, double max, String fill) {
        if (value <= 0 || max <= 0) {
            return;
        }
        double height = PLOT_HEIGHT * value / max;
        double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * base / max - height;
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
                x,
                y,
                width,
                height,
                fill));
    }

    private static String close(StringBuilder svg, List<String> categories, Iterable<String> legend, double slot) {
        double baseline = TOP + PLOT_HEIGHT;
        for (int c = 0; c < categories.size(); c++) {
            double x = LEFT + c * slot + slot / 2;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\""
                            + " transform=\"rotate(-30 %.1f %.1f)\">%s</text>\n",
                    x,
                    baseline + 14,
                    x,
                    baseline + 14,
                    HtmlReport.escape(categories.get(c))));
        }
        int row = 0;
        for (String name : legend) {
            int y = TOP + row * 20;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>\n",
                    LEGEND_X,
                    y,
                    PALETTE.get(row % PALETTE.size()),
                    LEGEND_X + 18,
                    y + 11,
                    HtmlReport.escape(name)));
            row++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
