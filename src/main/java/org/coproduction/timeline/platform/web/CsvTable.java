package org.coproduction.timeline.platform.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table an endpoint also answers as CSV ({@code Accept: text/csv} or {@code ?format=csv}): RFC
 * 4180, UTF-8, a header row, one line per row, the same figures as its JSON. Cells are text,
 * numbers or null (an empty cell); instants and enum codes are written as the JSON writes them.
 */
public final class CsvTable {

    private final String filename;
    private final List<String> headers;
    private final List<Object[]> rows = new ArrayList<>();

    private CsvTable(String filename, List<String> headers) {
        this.filename = filename;
        this.headers = List.copyOf(headers);
    }

    /** A table with these headers, downloaded as {@code filename}; rows are added with {@link #row}. */
    public static CsvTable of(String filename, String... headers) {
        return new CsvTable(filename, List.of(headers));
    }

    /** Adds a row, one cell per header. */
    public CsvTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " headers");
        }
        rows.add(cells.clone());
        return this;
    }

    public String filename() {
        return filename;
    }

    public List<String> headers() {
        return headers;
    }

    public List<Object[]> rows() {
        return Collections.unmodifiableList(rows);
    }
}
