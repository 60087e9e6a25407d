package org.coproduction.timeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.api.DecisionCommand.ProposeDecision;
import org.coproduction.timeline.api.DecisionCommand.RecordInfluence;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.JournalCommand.WithdrawConsent;
import org.coproduction.timeline.api.JournalCommand.WriteReflection;
import org.coproduction.timeline.api.LifecycleCommand.JoinMember;
import org.coproduction.timeline.api.LifecycleCommand.RegisterProject;
import org.coproduction.timeline.api.Visibility;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A member who writes, influences and withdraws, for the tests that look for her in the database's
 * files: her name, her diary text, her note and her key's sealed keyset are the markers.
 */
public final class Withdrawal {

    public static final String PROJECT = "shredded-study";
    public static final String NAME = "Nadia Shredded-Name-5e1a";
    public static final String TEXT = "Shredded-diary-words-93c4";
    public static final String NOTE = "Shredded-influence-note-2b7f";
    static final Instant AT = Instant.parse("2024-01-02T10:00:00Z");

    private Withdrawal() {}

    /**
     * Records her, waits until the read models hold her (her name sealed, never in the clear),
     * withdraws her consent and waits until they hold her pseudonym instead; answers her keyset as it
     * was stored before it was destroyed.
     */
    public static String recordAndWithdraw(ApplicationContext app) {
        CommandGateway commands = app.getBean(CommandGateway.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        commands.sendAndWait(new RegisterProject(PROJECT, AT, "A study", null, null));
        commands.sendAndWait(new JoinMember(PROJECT, AT, "m-nadia", NAME, "RESEARCHER", List.of("CARER")));
        commands.sendAndWait(new JoinMember(PROJECT, AT, "m-olu", "Olu Stays", "RESEARCHER", List.of("ACADEMIC")));
        commands.sendAndWait(new WriteReflection(PROJECT, AT, "r-1", "m-nadia", TEXT, Visibility.TEAM, null, null));
        commands.sendAndWait(new ProposeDecision(PROJECT, AT, "d-1", "Meet monthly", "m-olu"));
        commands.sendAndWait(
                new RecordInfluence(PROJECT, AT, "d-1", "i-1", "m-nadia", InfluenceKind.AMENDED, null, null, NOTE));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String table : List.of("timeline_member_name", "participation_member", "influence_member")) {
                assertThat(names(jdbc, table)).as(table).hasSize(2).allMatch(PersonalText::isSealed);
            }
            assertThat(jdbc.queryForList(
                            "SELECT note FROM influence_record WHERE project_id = ?", String.class, PROJECT))
                    .singleElement()
                    .matches(PersonalText::isSealed);
        });
        String keyset = jdbc.queryForObject(
                "SELECT keyset FROM member_key WHERE project_id = ? AND member_id = 'm-nadia'", String.class, PROJECT);
        commands.sendAndWait(new WithdrawConsent(PROJECT, AT.plusSeconds(60), "m-nadia"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(names(jdbc, "timeline_member_name"))
                    .contains("Withdrawn member 1")
                    .doesNotContain(NAME);
            assertThat(names(jdbc, "participation_member"))
                    .contains("Withdrawn member 1")
                    .doesNotContain(NAME);
            assertThat(names(jdbc, "influence_member"))
                    .contains("Withdrawn member 1")
                    .doesNotContain(NAME);
            assertThat(jdbc.queryForList(
                            "SELECT note FROM influence_record WHERE project_id = ? AND note IS NOT NULL",
                            String.class,
                            PROJECT))
                    .isEmpty();
        });
        return keyset;
    }

    /** What must be nowhere in the database once she withdrew: a distinctive part of each marker. */
    public static List<String> markers(String keyset) {
        // The sealed keyset is JSON with a base64 ciphertext: its longest run is distinctive.
        String ciphertext = keyset.replaceAll(".*\"encryptedKeyset\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return List.of("Shredded-Name", TEXT, NOTE, ciphertext.substring(0, Math.min(48, ciphertext.length())));
    }

    private static List<String> names(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList(
                "SELECT name FROM " + table + " WHERE project_id = ? AND name IS NOT NULL", String.class, PROJECT);
    }
}
