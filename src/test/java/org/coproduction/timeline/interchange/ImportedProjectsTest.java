package org.coproduction.timeline.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * What the import holds at hand, with weights set by hand (each project's {@code events}) over an
 * empty store: a project let go is one folded again when asked for.
 */
class ImportedProjectsTest {

    private final List<String> foldedAgain = new ArrayList<>();
    private final List<String> firstFolded = new ArrayList<>();

    private ImportedProjects holding(long residentEvents) {
        return new ImportedProjects(
                new InMemoryEventStorageEngine(),
                residentEvents,
                new ImportProgress() {
                    @Override
                    public void foldingAgain(String projectId) {
                        foldedAgain.add(projectId);
                    }
                },
                (projectId, project) -> firstFolded.add(projectId));
    }

    @Test
    void keepsTheProjectsOfAChunkWhateverTheyWeighUntilItIsAppended() {
        ImportedProjects projects = holding(10);
        ImportedProjects.Project a = projects.get("a");
        a.events = 100;
        projects.get("b").events = 100;

        assertThat(projects.get("a")).isSameAs(a);
        assertThat(foldedAgain).isEmpty();
        assertThat(firstFolded).containsExactly("a", "b");
    }

    @Test
    void letsGoBeyondTheBoundOnceAChunkIsAppendedAndFoldsAgainWhenTheFileComesBack() {
        ImportedProjects projects = holding(100);
        projects.get("a").events = 80;
        projects.chunkAppended();
        projects.get("b").events = 80;
        projects.chunkAppended();

        projects.get("a");
        projects.get("b");

        assertThat(foldedAgain).as("one of the two let go, either").hasSize(1);
        assertThat(projects.foldedAgain()).isEqualTo(1);
        assertThat(projects.touched()).containsExactlyInAnyOrder("a", "b");
        assertThat(firstFolded).as("told once per project").containsExactly("a", "b");
    }

    @Test
    void aReturnDoublesTheBound() {
        ImportedProjects projects = holding(100);
        projects.get("a").events = 80;
        projects.chunkAppended();
        projects.get("b").events = 80;
        projects.chunkAppended();
        String letGo = projects.get("a").events == 0 ? "a" : "b";
        projects.get(letGo).events = 80;
        projects.chunkAppended();

        // 160 events at hand, under the doubled bound of 200: neither is let go now
        projects.get("a");
        projects.get("b");
        projects.chunkAppended();

        assertThat(foldedAgain).containsExactly(letGo);
    }

    @Test
    void keepsAProjectHeavierThanTheBoundWhileItIsTheOnlyOne() {
        ImportedProjects projects = holding(100);
        ImportedProjects.Project big = projects.get("big");
        for (int chunk = 1; chunk <= 5; chunk++) {
            projects.get("big").events = chunk * 1000L;
            projects.chunkAppended();
        }

        assertThat(projects.get("big")).isSameAs(big);
        assertThat(foldedAgain).isEmpty();
    }
}
