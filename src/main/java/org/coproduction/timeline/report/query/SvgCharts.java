package org.coproduction.timeline.report.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bar charts as inline SVG, drawn on the server so the report needs no script: stacked bars (parts
 * of a whole per category) and grouped bars (several measures side by side per category). This
 * works out where each line, bar and label goes ({@link SvgChart}); the template {@code
 * src/main/jte/html/chart.jte} draws it. Each chart is an image with a title and a description; the
 * report puts a data table after it.
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
        double slot = (double) PLOT_WIDTH / Math.max(1, categories.size());
        double barWidth = slot * 0.6;
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            double x = LEFT + c * slot + (slot - barWidth) / 2;
            double base = 0;
            int colour = 0;
            for (List<Double> values : series.values()) {
                double value = values.get(c);
                bar(bars, x, base, value, barWidth, max, PALETTE.get(colour++ % PALETTE.size()));
                base += value;
            }
        }
        return draw(id, title, desc, max, bars, categories, series.keySet(), slot);
    }

    /** One group per category, a bar for each series side by side; the y axis runs from 0 to {@code max}. */
    static String groupedBars(
            String id,
            String title,
            String desc,
            List<String> categories,
            Map<String, List<Double>> series,
            double max) {
        double slot = (double) PLOT_WIDTH / Math.max(1, categories.size());
        double barWidth = slot * 0.7 / Math.max(1, series.size());
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            double x = LEFT + c * slot + slot * 0.15;
            int colour = 0;
            for (List<Double> values : series.values()) {
                bar(bars, x, 0, values.get(c), barWidth, max, PALETTE.get(colour++ % PALETTE.size()));
                x += barWidth;
            }
        }
        return draw(id, title, desc, max, bars, categories, series.keySet(), slot);
    }

    private static void bar(
            List<SvgChart.Bar> bars, double x, double base, double value, double width, double max, String fill) {
        if (value <= 0 || max <= 0) {
            return;
        }
        double height = PLOT_HEIGHT * value / max;
        double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * base / max - height;
        bars.add(new SvgChart.Bar(at(x), at(y), at(width), at(height), fill));
    }

    private static String draw(
            String id,
            String title,
            String desc,
            double max,
            List<SvgChart.Bar> bars,
            List<String> categories,
            Iterable<String> legend,
            double slot) {
        List<SvgChart.Tick> ticks = new ArrayList<>();
        for (int tick = 0; tick <= 4; tick++) {
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * tick / 4.0;
            ticks.add(new SvgChart.Tick(at(y), at(y + 4), number(max * tick / 4)));
        }
        double baseline = TOP + PLOT_HEIGHT + 14;
        List<SvgChart.Label> labels = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            labels.add(new SvgChart.Label(at(LEFT + c * slot + slot / 2), at(baseline), categories.get(c)));
        }
        List<SvgChart.Key> keys = new ArrayList<>();
        int row = 0;
        for (String name : legend) {
            keys.add(new SvgChart.Key(TOP + row * 20, PALETTE.get(row % PALETTE.size()), name));
            row++;
        }
        SvgChart chart = new SvgChart(
                id, title, desc, WIDTH, HEIGHT, LEFT, LEFT + PLOT_WIDTH, LEGEND_X, ticks, bars, labels, keys);
        return ReportTemplates.render("chart.jte", chart, 4 * 1024);
    }

    /** A coordinate to a tenth of a pixel. */
    private static String at(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
