package org.coproduction.timeline.platform.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A converter that only writes a download of one type (a {@link CsvTable}, a {@link Workbook}) as
 * an attachment; a request body of that type is never read.
 */
abstract class DownloadConverter<T> extends AbstractHttpMessageConverter<T> {

    private final Class<T> type;

    DownloadConverter(Class<T> type, Charset charset, MediaType mediaType) {
        super(charset, mediaType);
        this.type = type;
    }

    @Override
    protected final boolean supports(Class<?> clazz) {
        return type.isAssignableFrom(clazz);
    }

    @Override
    protected final boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected final T readInternal(Class<? extends T> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException(type.getSimpleName() + " is only written", input);
    }

    /** Says the answer is a file to save, under this name. */
    static void attachment(HttpOutputMessage output, String filename) {
        output.getHeaders()
                .setContentDisposition(ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8)
                        .build());
    }
}
