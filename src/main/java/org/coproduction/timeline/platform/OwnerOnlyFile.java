package org.coproduction.timeline.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A secret written to a file that only its owner may read ({@code rw-------} where the file system
 * has POSIX permissions), created with those permissions rather than narrowed after: the first
 * password, the master key.
 */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {}

    /** Writes {@code content} to {@code file} (replacing it), creating its folder if need be. */
    public static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    }
}
