package org.coproduction.timeline.project.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadableIdsTest {

    @Test
    void readsAnIdFromATitleWithoutAccentsOrPunctuation() {
        assertThat(ReadableIds.fromTitle("Carers' Voices: Łódź study — 2027"))
                .isEqualTo("carers-voices-lodz-study-2027");
        assertThat(ReadableIds.fromTitle("Đặng's Siân & Søren")).isEqualTo("dang-s-sian-soren");
    }

    @Test
    void cutsALongTitleAtAWordAndFallsBackWhenNothingIsLeft() {
        String id = ReadableIds.fromTitle("Peer Worker roles in mental health services: a coproduced study");
        assertThat(id).isEqualTo("peer-worker-roles-in-mental-health").hasSizeLessThanOrEqualTo(ReadableIds.MAX);
        assertThat(ReadableIds.fromTitle("—!?")).isEqualTo("project");
        assertThat(ReadableIds.fromTitle(null)).isEqualTo("project");
        assertThat(ReadableIds.prefixFromTitle("Peer Worker roles in mental health services"))
                .isEqualTo("peer-worker-roles-in-mental")
                .hasSizeLessThanOrEqualTo(27);
    }
}
