package org.coproduction.timeline;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.ANNOTATIONS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package layout of docs/style.md: features split into api, command, query and web, plus a shared platform. */
@AnalyzeClasses(packages = "org.coproduction.timeline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.coproduction.timeline";
    private static final String API = ROOT + "..api..";
    private static final String COMMAND = ROOT + "..command..";
    private static final String QUERY = ROOT + "..query..";
    private static final String WEB = ROOT + "..web..";
    private static final String PLATFORM = ROOT + ".platform..";
    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    /** A top-level class with its nested classes: one source file. */
    private static final SliceAssignment SOURCE_FILES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getName();
            if (!name.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            int nested = name.indexOf('$');
            return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
        }

        @Override
        public String getDescription() {
            return "source files";
        }
    };

    @ArchTest
    static final ArchRule messageApiDependsOnlyOnTheJdkAxonAnnotationsAndOtherApis = classes()
            .that()
            .resideInAPackage(API)
            .should()
            .onlyDependOnClassesThat(resideInAnyPackage("java..", API)
                    .or(resideInAPackage("org.axonframework.modelling.command..")
                            .and(ANNOTATIONS)))
            .because("commands, events and queries are a contract that outlives any framework (docs/style.md)");

    @ArchTest
    static final ArchRule messageApiUsesNoPersistenceSpringOrJson = noClasses()
            .that()
            .resideInAPackage(API)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta..",
                    "javax..",
                    "java.sql..",
                    "com.fasterxml.jackson..",
                    "org.hibernate..")
            .because("a persistence or serialisation type in the message API is the mistake to avoid (docs/style.md)");

    @ArchTest
    static final ArchRule onlyWebAdaptersAndPlatformUseSpringWeb = noClasses()
            .that()
            .resideOutsideOfPackages(WEB, PLATFORM)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.web..")
            .because("HTTP is translated to commands and queries in the web adapters only");

    @ArchTest
    static final ArchRule commandSideKnowsNoQueryOrWeb = noClasses()
            .that()
            .resideInAPackage(COMMAND)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(QUERY, WEB);

    @ArchTest
    static final ArchRule querySideKnowsNoCommandOrWeb = noClasses()
            .that()
            .resideInAPackage(QUERY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMAND, WEB);

    /** Web adapters are the outermost layer: nothing below depends on them, so no cycle can pass through web. */
    @ArchTest
    static final ArchRule nothingButWebAdaptersDependsOnWeb = noClasses()
            .that()
            .resideOutsideOfPackage(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(WEB);

    /** The roles (api, command, query, web and the platform's axon) depend on each other one way only. */
    @ArchTest
    static final ArchRule rolesAreFreeOfCycles =
            slices().matching(ROOT + ".*.(*)..").namingSlices("$1").should().beFreeOfCycles();

    /**
     * The features (the packages just below the root, the shared messages in {@code api} and the
     * plumbing in {@code platform} among them) depend on each other one way only, in the order
     * docs/architecture.md draws.
     */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching(ROOT + ".(*)..").namingSlices("$1").should().beFreeOfCycles();

    /** No two source files depend on each other, directly or round a loop (a nested class is its file's). */
    @ArchTest
    static final ArchRule sourceFilesAreFreeOfCycles =
            slices().assignedFrom(SOURCE_FILES).should().beFreeOfCycles();

    /** Plumbing knows no feature: besides itself, {@code platform} reads only the shared messages. */
    @ArchTest
    static final ArchRule platformKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage(PLATFORM)
            .should()
            .dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackages(PLATFORM, ROOT + ".api")))
            .because("plumbing that knows a feature ties every feature to it (docs/style.md)");

    @ArchTest
    static final ArchRule domainTakesTimeAndIdsFromPlatformBeans = noClasses()
            .that()
            .resideOutsideOfPackage(PLATFORM)
            .should()
            .callMethod(UUID.class, "randomUUID")
            .orShould()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(Clock.class, "systemUTC")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .because("time and ids come in with the command or from the Clock and Ids beans, so tests are"
                    + " deterministic (docs/style.md)");

    @Test
    void everyPackageBelowTheRootHasPackageInfo() throws IOException {
        assertThat(packagesWithoutPackageInfo())
                .filteredOn(folder -> !folder.equals(MAIN_SOURCES.resolve(ROOT.replace('.', '/'))))
                .isEmpty();
    }

    /**
     * The structure picture in docs/architecture.md is the code's: its arrows are the dependencies
     * between features with every arrow implied by others left out (the transitive reduction).
     */
    @Test
    void structurePictureIsDrawnFromTheCode() throws IOException {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass from : main) {
            String feature = featureOf(from);
            for (var dependency : from.getDirectDependenciesFromSelf()) {
                String target = featureOf(dependency.getTargetClass());
                if (feature != null && target != null && !target.equals(feature)) {
                    uses.computeIfAbsent(feature, f -> new TreeSet<>()).add(target);
                }
            }
        }
        Set<String> drawn = new TreeSet<>();
        uses.forEach((feature, targets) -> targets.stream()
                .filter(target -> targets.stream()
                        .filter(other -> !other.equals(target))
                        .noneMatch(other -> reaches(uses, other, target)))
                .forEach(target -> drawn.add(feature + " --> " + target)));
        String picture = Files.readString(Path.of("docs/architecture.md"));
        Set<String> inDocs = picture.lines()
                .map(String::strip)
                .filter(line -> line.matches("[a-z]+ --> [a-z]+"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(inDocs)
                .as("docs/architecture.md's structure picture; the code's arrows are:%n%s", String.join("\n", drawn))
                .isEqualTo(drawn);
    }

    /** The feature (the package just below the root) a class is in; null for the root and other code. */
    private static String featureOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return null;
        }
        String below = name.substring(ROOT.length() + 1);
        int dot = below.indexOf('.');
        return dot < 0 ? below : below.substring(0, dot);
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String to) {
        Deque<String> open = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!open.isEmpty()) {
            String feature = open.pop();
            if (feature.equals(to)) {
                return true;
            }
            if (seen.add(feature)) {
                open.addAll(uses.getOrDefault(feature, Set.of()));
            }
        }
        return false;
    }

    /** The file rule refuses two files that depend on each other (the test tree's Hen and Egg). */
    @Test
    void sourceFileCyclesAreFound() {
        JavaClasses henAndEgg = new ClassFileImporter().importPackages(ROOT + ".archfixture");
        assertThat(henAndEgg).hasSize(2);
        assertThatThrownBy(() -> sourceFilesAreFreeOfCycles.check(henAndEgg))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("archfixture.Hen")
                .hasMessageContaining("archfixture.Egg");
    }

    /** Axon's messaging module brings XStream along; the pom excludes it, since Jackson serialises everything. */
    @Test
    void xstreamIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void rootPackageHasPackageInfo() throws IOException {
        assertThat(packagesWithoutPackageInfo()).isEmpty();
    }

    /** javac writes no package-info class for a package without annotations, so the sources are checked. */
    private static List<Path> packagesWithoutPackageInfo() throws IOException {
        try (Stream<Path> folders = Files.walk(MAIN_SOURCES.resolve(ROOT.replace('.', '/')))) {
            return folders.filter(Files::isDirectory)
                    .filter(ArchitectureTest::holdsJavaSource)
                    .filter(folder -> !Files.exists(folder.resolve("package-info.java")))
                    .toList();
        }
    }

    private static boolean holdsJavaSource(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
