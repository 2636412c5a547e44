package io.livedrop.common.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void generatesVersion7Variant2Uuids() {
        UUID id = Ids.newId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void idsOfOneProcessSortInCreationOrderAsText() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            ids.add(Ids.newId().toString());
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void parsesOnlyWellFormedIds() {
        UUID id = Ids.newId();

        assertThat(Ids.parse(id.toString())).contains(id);
        assertThat(Ids.parse("42")).isEmpty();
        assertThat(Ids.parse("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")).isEmpty();
        assertThat(Ids.parse(null)).isEmpty();
    }
}
