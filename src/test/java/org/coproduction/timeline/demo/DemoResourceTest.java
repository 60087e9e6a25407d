package org.coproduction.timeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coproduction.timeline.access.AccessBootstrap.DemoMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo the application loads ({@link DemoLoader#RESOURCE}) is the generator's default seed, so the story stays
 * reviewable as code here and the shipped file cannot drift from it.
 */
class DemoResourceTest {

    @Test
    void theShippedDemoIsTheGeneratorsDefaultSeedLineForLine() throws IOException {
        StringWriter generated = new StringWriter();
        new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED).writeTo(generated);
        List<String> expected = generated.toString().lines().toList();
        List<String> shipped = shipped();

        int line = 0;
        while (line < expected.size()
                && line < shipped.size()
                && expected.get(line).equals(shipped.get(line))) {
            line++;
        }
        assertThat(line == expected.size() && line == shipped.size())
                .as(
                        "src/main/resources/%s (%d lines) differs from DemoProjectGenerator's default seed (%d lines)"
                                + " from line %d: run scripts/demo-resource to write it again",
                        DemoLoader.RESOURCE, shipped.size(), expected.size(), line + 1)
                .isTrue();
    }

    @Test
    void theDemoMembersAreTheCoordinatorFirstAndNotTheOneWhoWithdrew(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("demo.jsonl");
        try (InputStream in = DemoLoader.open()) {
            Files.copy(in, file);
        }

        List<DemoMember> members = DemoLoader.members(file);

        assertThat(members.get(0).memberId()).isEqualTo("helen-marsh");
        assertThat(members.get(0).coordinator()).isTrue();
        assertThat(members.subList(1, members.size())).noneMatch(DemoMember::coordinator);
        assertThat(members)
                .extracting(DemoMember::memberId)
                .contains("tom-brennan", "aisha-karim")
                .doesNotContain(DemoProjectGenerator.WITHDRAWN_MEMBER)
                .doesNotHaveDuplicates();
    }

    private static List<String> shipped() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(DemoLoader.open(), StandardCharsets.UTF_8))) {
            return in.lines().toList();
        }
    }
}
