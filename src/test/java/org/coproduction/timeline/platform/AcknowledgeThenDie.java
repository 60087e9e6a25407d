package org.coproduction.timeline.platform;

import java.nio.file.Path;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.api.LifecycleCommand.RegisterProject;
import org.coproduction.timeline.demo.DemoProjectGenerator;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code AcknowledgeThenDie DATA_DIR command|import}: starts the application on a fresh store, has a
 * command or an import acknowledged, prints what was acknowledged and halts the JVM at once, as a
 * crash would: no shutdown hook, no closing of the database. Run by {@link DurabilityTest}.
 */
public final class AcknowledgeThenDie {

    static final String PROJECT = "acknowledged-then-died";
    static final int DIED = 97;

    private AcknowledgeThenDie() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(TimelineApplication.class)
                .web(WebApplicationType.NONE)
                .run("--timeline.data-dir=" + dir.resolve("data"), "--timeline.demo.load-on-empty-store=false");
        if (args[1].equals("command")) {
            app.getBean(CommandGateway.class)
                    .sendAndWait(new RegisterProject(
                            PROJECT, Instant.parse("2024-01-01T00:00:00Z"), "Survives a crash", null, null));
            System.out.println("acknowledged: project " + PROJECT);
        } else {
            Path file = dir.resolve("demo.jsonl");
            new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED).writeTo(file);
            var result = app.getBean(JsonLinesImporter.class).importFile(file, ImportProgress.NONE);
            System.out.println("acknowledged: imported " + result.imported());
        }
        System.out.flush();
        Runtime.getRuntime().halt(DIED);
    }
}
