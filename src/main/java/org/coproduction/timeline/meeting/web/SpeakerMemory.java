package org.coproduction.timeline.meeting.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.coproduction.timeline.platform.Ids;
import org.coproduction.timeline.privacy.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which member each speaker of a project's transcripts was mapped to ({@code transcript_speaker}),
 * so that the next transcript comes with its speakers mapped. A speaker's name as the file gives it
 * is the member's personal text: sealed under their key, it is forgotten with that key.
 */
@Component
class SpeakerMemory {

    private record Row(String speakerId, String memberId, String sealed) {}

    private final JdbcClient jdbc;
    private final PersonalText text;
    private final Ids ids;

    SpeakerMemory(JdbcClient jdbc, PersonalText text, Ids ids) {
        this.jdbc = jdbc;
        this.text = text;
        this.ids = ids;
    }

    /** Speaker name to member, as remembered for the project (names that no longer open left out). */
    Map<String, String> remembered(String projectId) {
        Map<String, String> members = new LinkedHashMap<>();
        jdbc.sql("SELECT speaker_id, member_id, speaker FROM transcript_speaker WHERE project_id = ?")
                .param(projectId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(row -> text.open(projectId, row.memberId(), row.speakerId(), row.sealed())
                        .ifPresent(speaker -> members.put(speaker, row.memberId())));
        return members;
    }

    /** Remembers the mapping of a transcript just recorded, over what was remembered for its speakers. */
    @Transactional
    void remember(String projectId, Map<String, String> speakers) {
        Map<String, String> all = remembered(projectId);
        all.putAll(speakers);
        jdbc.sql("DELETE FROM transcript_speaker WHERE project_id = ?")
                .param(projectId)
                .update();
        all.forEach((speaker, memberId) -> {
            String speakerId = ids.next("speaker");
            jdbc.sql("INSERT INTO transcript_speaker (speaker_id, project_id, member_id, speaker) VALUES (?, ?, ?, ?)")
                    .params(speakerId, projectId, memberId, text.seal(projectId, memberId, speakerId, speaker))
                    .update();
        });
    }
}
