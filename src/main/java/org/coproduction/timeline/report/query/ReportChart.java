package org.coproduction.timeline.report.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.report.api.LifecycleReport.Lifecycle;

/**
 * The four charts across the lifecycle, drawn once for every format: each has the heading it goes
 * under, its title (also the caption of its data table), the SVG, and the series it draws (phases
 * in order, one value per phase), and whether its values are counts (whole numbers) or shares.
 */
record ReportChart(String heading, String title, String svg, Map<String, List<Double>> series, boolean counts) {

    static List<ReportChart> of(Lifecycle lifecycle, List<String> names) {
        List<ReportChart> charts = new ArrayList<>();
        Map<String, List<Double>> shares = labelled(lifecycle.contributionShare());
        charts.add(new ReportChart(
                "Contribution share by perspective",
                "Contribution share by perspective per phase",
                SvgCharts.stackedBars(
                        "chart-contribution-share",
                        "Contribution share by perspective per phase",
                        "Stacked bars, one per phase, of each primary perspective's share of contributions;"
                                + " the table below gives the figures.",
                        names,
                        shares,
                        1),
                shares,
                false));

        Map<String, List<Double>> influence = labelled(lifecycle.influenceShare());
        charts.add(new ReportChart(
                "Influence share by perspective",
                "Influence share by perspective per phase",
                SvgCharts.stackedBars(
                        "chart-influence-share",
                        "Influence share by perspective per phase",
                        "Stacked bars, one per phase, of each primary perspective's share of influences on"
                                + " decisions; the table below gives the figures.",
                        names,
                        influence,
                        1),
                influence,
                false));

        Map<String, List<Double>> equality = new LinkedHashMap<>();
        equality.put("Gini", lifecycle.gini());
        equality.put("Perspective entropy", lifecycle.perspectiveEntropy());
        charts.add(new ReportChart(
                "Gini and perspective entropy",
                "Gini and perspective entropy per phase",
                SvgCharts.groupedBars(
                        "chart-equality",
                        "Gini and perspective entropy per phase",
                        "Paired bars per phase: the Gini coefficient of contributions (0 equal, towards 1"
                                + " concentrated) and the perspective entropy (1 when every perspective spoke"
                                + " equally); the table below gives the figures.",
                        names,
                        equality,
                        1),
                equality,
                false));

        Map<String, List<Double>> methods = new LinkedHashMap<>();
        for (Map.Entry<DecisionMethod, List<Integer>> entry :
                lifecycle.decisionMethods().entrySet()) {
            methods.put(
                    ReportWords.words(entry.getKey()),
                    entry.getValue().stream().map(Integer::doubleValue).toList());
        }
        double most = 1;
        for (int i = 0; i < names.size(); i++) {
            int column = i;
            most = Math.max(
                    most,
                    methods.values().stream().mapToDouble(v -> v.get(column)).sum());
        }
        charts.add(new ReportChart(
                "Decision methods",
                "Decisions made per phase by method",
                SvgCharts.stackedBars(
                        "chart-decision-methods",
                        "Decisions made per phase by method",
                        "Stacked bars, one per phase, of the decisions made in it by method; the table below"
                                + " gives the counts.",
                        names,
                        methods,
                        Math.ceil(most)),
                methods,
                true));
        return charts;
    }

    private static Map<String, List<Double>> labelled(Map<String, List<Double>> byPerspective) {
        Map<String, List<Double>> labelled = new LinkedHashMap<>();
        byPerspective.forEach((perspective, values) -> labelled.put(ReportWords.words(perspective), values));
        return labelled;
    }
}
