package org.coproduction.timeline.platform.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;

/**
 * Writes a {@link Workbook} as .xlsx with Apache POI's streaming workbook (a hundred rows in memory
 * at a time): a bold header row that stays in view, a filter on every column, numbers as numbers,
 * instants as date-times (UTC), enum codes and text as text, null (and a figure that is not a
 * number) as an empty cell.
 */
final class WorkbookConverter extends DownloadConverter<Workbook> {

    static final MediaType XLSX = MediaType.parseMediaType(Workbook.MEDIA_TYPE);

    /** Column widths are in 1/256 of a character; a long text column stops widening here. */
    private static final int WIDEST = 60;

    WorkbookConverter() {
        super(Workbook.class, null, XLSX);
    }

    @Override
    protected void writeInternal(Workbook workbook, HttpOutputMessage output) throws IOException {
        attachment(output, workbook.filename());
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            CellStyle dateTime = book.createCellStyle();
            dateTime.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            for (Workbook.Sheet part : workbook.sheets()) {
                write(book.createSheet(part.name()), part.table(), header, dateTime);
            }
            book.write(output.getBody());
        }
    }

    private static void write(SXSSFSheet sheet, CsvTable table, CellStyle header, CellStyle dateTime) {
        int columns = table.headers().size();
        int[] widths = new int[columns];
        Row top = sheet.createRow(0);
        for (int c = 0; c < columns; c++) {
            Cell cell = top.createCell(c);
            cell.setCellValue(table.headers().get(c));
            cell.setCellStyle(header);
            widths[c] = table.headers().get(c).length();
        }
        int r = 1;
        for (Object[] values : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], put(row, c, values[c], dateTime));
            }
        }
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, Math.min(WIDEST, widths[c] + 2) * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns - 1));
    }

    /** Writes one cell; answers how many characters wide it shows. */
    private static int put(Row row, int column, Object value, CellStyle dateTime) {
        if (value == null) {
            return 0;
        }
        Cell cell = row.createCell(column);
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return 0;
            }
            cell.setCellValue(d);
            return String.valueOf(value).length();
        }
        if (value instanceof Boolean b) {
            cell.setCellValue(b);
            return 5;
        }
        if (value instanceof Instant instant) {
            cell.setCellValue(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            cell.setCellStyle(dateTime);
            return 19;
        }
        String text = value.toString();
        cell.setCellValue(text);
        return text.length();
    }
}
