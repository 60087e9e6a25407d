package org.coproduction.timeline.report.query;

import java.util.List;

/**
 * A bar chart laid out ({@link SvgCharts}), for the template {@code chart.jte} to draw: its size,
 * the plot's left and right edges, where the legend starts, the axis's ticks, the bars, the
 * categories' labels and the legend's keys. Coordinates are in pixels, already formatted.
 */
public record SvgChart(
        String id,
        String title,
        String description,
        int width,
        int height,
        int left,
        int right,
        int legendX,
        List<Tick> ticks,
        List<Bar> bars,
        List<Label> labels,
        List<Key> legend) {

    public SvgChart {
        ticks = List.copyOf(ticks);
        bars = List.copyOf(bars);
        labels = List.copyOf(labels);
        legend = List.copyOf(legend);
    }

    /** A gridline at {@code y} and its value, written at {@code textY}. */
    public record Tick(String y, String textY, String value) {}

    /** A bar: its top-left corner, size and colour. */
    public record Bar(String x, String y, String width, String height, String fill) {}

    /** A category's label, centred under its bar at (x, y) and turned 30 degrees. */
    public record Label(String x, String y, String text) {}

    /** A legend entry: its row's top, its colour and its name. */
    public record Key(int y, String fill, String name) {}
}
