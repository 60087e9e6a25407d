package org.coproduction.timeline.platform.web;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CSV downloads: a handler that {@code produces = "text/csv"} answers a {@link CsvTable}, written
 * by Jackson's CSV module (RFC 4180: a header row, CRLF line ends, fields quoted where needed). A
 * client asks with {@code Accept: text/csv}, or a link with {@code ?format=csv}. Likewise a handler
 * that produces {@link Workbook#MEDIA_TYPE} answers a {@link Workbook} ({@code ?format=xlsx}),
 * written by {@link WorkbookConverter}. Every other {@code format} value is left to the endpoint
 * that takes one (the report's).
 */
@Configuration(proxyBeanMethods = false)
class CsvDownloads implements WebMvcConfigurer {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(new FormatCsv(), new HeaderContentNegotiationStrategy()));
    }

    @Bean
    CsvTableConverter csvTableConverter() {
        return new CsvTableConverter();
    }

    @Bean
    WorkbookConverter workbookConverter() {
        return new WorkbookConverter();
    }

    /**
     * {@code ?format=csv} means {@code Accept: text/csv} and {@code ?format=xlsx} an Excel workbook;
     * anything else is for the Accept header to say.
     */
    static final class FormatCsv implements ContentNegotiationStrategy {

        @Override
        public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
            HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
            String format = servlet == null ? null : servlet.getParameter("format");
            if ("csv".equals(format)) {
                return List.of(TEXT_CSV);
            }
            return "xlsx".equals(format) ? List.of(WorkbookConverter.XLSX) : MEDIA_TYPE_ALL_LIST;
        }
    }

    static final class CsvTableConverter extends DownloadConverter<CsvTable> {

        private final CsvMapper mapper = CsvMapper.builder().build();

        CsvTableConverter() {
            super(CsvTable.class, StandardCharsets.UTF_8, TEXT_CSV);
        }

        @Override
        protected void writeInternal(CsvTable table, HttpOutputMessage output) throws IOException {
            attachment(output, table.filename());
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
            table.headers().forEach(schema::addColumn);
            try (SequenceWriter rows =
                    mapper.writerFor(Object[].class).with(schema.build()).writeValues(output.getBody())) {
                for (Object[] row : table.rows()) {
                    Object[] cells = new Object[row.length];
                    for (int i = 0; i < row.length; i++) {
                        // An empty cell for null: Jackson's CSV writer leaves a null array element out.
                        cells[i] = row[i] == null
                                ? ""
                                : row[i] instanceof TemporalAccessor || row[i] instanceof Enum<?>
                                        ? row[i].toString()
                                        : row[i];
                    }
                    rows.write(cells);
                }
            }
        }
    }
}
