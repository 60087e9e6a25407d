package org.coproduction.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coproduction.timeline.api.LifecycleCommand.JoinMember;
import org.coproduction.timeline.api.LifecycleCommand.RegisterProject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ApplicationStartsTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Test
    void storesCommandsAsEventsUnderTheirContractNames() {
        Instant t = Instant.parse("2021-01-11T10:00:00Z");
        commands.sendAndWait(new RegisterProject("p1", t, "A study", null, null));
        commands.sendAndWait(new JoinMember("p1", t, "m1", "Ann", "RESEARCHER", List.of("ACADEMIC")));
        assertThat(eventStore.readEvents("p1").asStream().map(e -> e.getPayloadType()
                        .getSimpleName()))
                .containsExactly("ProjectRegistered", "MemberJoined");
    }
}
