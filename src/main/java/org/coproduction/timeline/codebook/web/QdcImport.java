package org.coproduction.timeline.codebook.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.coproduction.timeline.api.CodebookCommand.ImportCodebook;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.codebook.query.CodebookView;
import org.coproduction.timeline.codebook.query.CodebookView.Code;
import org.coproduction.timeline.codebook.query.CodebookView.Status;
import org.coproduction.timeline.codebook.query.QdcCodebook;

/**
 * What a REFI-QDA codebook file changes in a project's codebook (docs/interchange.md). A code of the
 * file is the project's code whose export GUID it carries (a file this project exported, edited in
 * another tool), else the code whose key is its name, else a new code keyed by its name. A code the
 * file gives as the codebook has it changes nothing; one whose name, description or place differs
 * is revised; a new one, or one only given in codings so far, is defined. Bales' IPA group, as this
 * application exports it, is built in and skipped. Nothing is removed: a code missing from the file
 * stays as it is.
 */
final class QdcImport {

    /** The changes, and how many codes of the file were new, revised and already so. */
    record Plan(List<ImportCodebook.Change> changes, int defined, int revised, int unchanged) {}

    private QdcImport() {}

    static Plan plan(String projectId, CodebookView codebook, List<QdcReader.FileCode> file) {
        Map<String, Code> byKey = new HashMap<>();
        Map<String, String> keyByGuid = new HashMap<>();
        for (Code code : codebook.codes()) {
            byKey.put(code.code(), code);
            keyByGuid.put(QdcCodebook.guid(projectId, code.code()), code.code());
        }
        Map<QdcReader.FileCode, String> keys = new java.util.IdentityHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<ImportCodebook.Change> changes = new ArrayList<>();
        int defined = 0;
        int revised = 0;
        int unchanged = 0;
        for (QdcReader.FileCode code : file) {
            if (isIpa(code)) {
                continue;
            }
            String name = code.name() == null ? "" : code.name().strip();
            String key =
                    keyByGuid.getOrDefault(code.guid().replaceAll("[{}]", "").toLowerCase(java.util.Locale.ROOT), name);
            Integer first = seen.putIfAbsent(key, code.line());
            if (first != null) {
                throw new InvalidFieldException(
                        "file",
                        "line " + code.line() + ": the code \"" + key + "\" is in the file twice (first at line "
                                + first + ")");
            }
            keys.put(code, key);
            String parent = code.parent() == null ? null : keys.get(code.parent());
            String description =
                    code.description() == null || code.description().isBlank()
                            ? null
                            : code.description().strip();
            Code current = byKey.get(key);
            if (current == null || current.status() == Status.FROM_USE) {
                changes.add(new ImportCodebook.Change(code.line(), true, key, name, description, parent));
                defined++;
            } else if (!name.equals(current.name())
                    || !Objects.equals(description, current.description())
                    || !Objects.equals(parent, current.parent())) {
                changes.add(new ImportCodebook.Change(code.line(), false, key, name, description, parent));
                revised++;
            } else {
                unchanged++;
            }
        }
        return new Plan(changes, defined, revised, unchanged);
    }

    /** Whether a code is Bales' IPA group as exported here, or one of its categories. */
    private static boolean isIpa(QdcReader.FileCode code) {
        for (QdcReader.FileCode at = code; at != null; at = at.parent()) {
            if (!at.codable() && QdcCodebook.IPA_GROUP.equals(at.name())) {
                return true;
            }
        }
        return false;
    }
}
