package org.coproduction.timeline.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.WorkbookUtil;

/**
 * What an endpoint with a table of several parts also answers as an Excel workbook ({@code Accept}
 * of {@link #MEDIA_TYPE} or {@code ?format=xlsx}): one sheet per part, each a {@link CsvTable} (the
 * same headers and cells as the CSV), written by Apache POI.
 */
public record Workbook(String filename, List<Sheet> sheets) {

    /** The media type of an Office Open XML workbook (.xlsx). */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One sheet: its name (at most 31 characters, none of {@code []*?/\:}) and its table. */
    public record Sheet(String name, CsvTable table) {

        public Sheet {
            WorkbookUtil.validateSheetName(name);
        }
    }

    public Workbook {
        sheets = List.copyOf(sheets);
    }

    /** An empty workbook, downloaded as {@code filename}; sheets are added with {@link #sheet}. */
    public static Workbook of(String filename) {
        return new Workbook(filename, List.of());
    }

    /** This workbook with one more sheet, after the others. */
    public Workbook sheet(String name, CsvTable table) {
        List<Sheet> more = new ArrayList<>(sheets);
        more.add(new Sheet(name, table));
        return new Workbook(filename, more);
    }
}
