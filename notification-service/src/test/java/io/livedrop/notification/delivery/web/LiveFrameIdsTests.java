package io.livedrop.notification.delivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.ids.Ids;
import io.livedrop.notification.delivery.domain.LiveFrame;
import io.livedrop.notification.delivery.domain.LiveFrameIds;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveFrameIdsTests {

    @Test
    void aLiveFrameIdResumesAfterThePositionItCarries() {
        String id = LiveFrameIds.format(1_733_912_345_678_901L, Ids.newId());

        assertThat(LiveFrameIds.resumePosition(id)).hasValue(1_733_912_345_678_901L);
        assertThat(ResumePositions.parse("lastEventId", id)).hasValue(1_733_912_345_678_901L);
    }

    @Test
    void storedIdsStillResumeAsThemselves() {
        assertThat(ResumePositions.parse("lastEventId", "42")).hasValue(42);
        assertThat(LiveFrameIds.resumePosition("42")).isEmpty();
    }

    @Test
    void anythingElseIsNotALiveFrameId() {
        UUID unique = Ids.newId();
        assertThat(LiveFrameIds.resumePosition("." + unique)).isEmpty();
        assertThat(LiveFrameIds.resumePosition("x." + unique)).isEmpty();
        assertThat(LiveFrameIds.resumePosition("12." + unique + "0")).isEmpty();
        assertThat(LiveFrameIds.resumePosition("12.not-a-uuid")).isEqualTo(OptionalLong.empty());
        assertThat(LiveFrameIds.resumePosition("12.zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"))
                .isEmpty();
    }

    @Test
    void aLiveFrameIsItsFieldsBehindItsId() {
        var frame = new LiveFrame("queue.position", java.time.Instant.EPOCH, "\"type\":\"queue.position\"}");

        assertThat(frame.json("7.x")).isEqualTo("{\"id\":\"7.x\",\"type\":\"queue.position\"}");
    }
}
