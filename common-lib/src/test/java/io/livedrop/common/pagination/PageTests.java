package io.livedrop.common.pagination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTests {

    @Test
    void lastPageHasNoCursor() {
        Page<String> page = Page.fromLookahead(List.of("a", "b"), 2, item -> "after-" + item);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void lookaheadRowIsNotServedButYieldsCursorAfterLastServedItem() {
        Page<String> page = Page.fromLookahead(List.of("a", "b", "c"), 2, item -> "after-" + item);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.nextCursor()).isEqualTo("after-b");
    }
}
