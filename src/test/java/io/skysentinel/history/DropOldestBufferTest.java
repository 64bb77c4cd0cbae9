package io.skysentinel.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DropOldestBufferTest {

    @Test
    void fullBufferDropsTheOldestAndCountsIt() {
        DropOldestBuffer<Integer> b = new DropOldestBuffer<>(3);
        for (int i = 1; i <= 5; i++) b.offer(i);
        assertThat(b.size()).isEqualTo(3);
        assertThat(b.dropped()).isEqualTo(2);
        assertThat(b.takeBatch(10)).containsExactly(3, 4, 5);
    }

    @Test
    void aFailedBatchIsRetriedFirstAndIsTheFirstToGoWhenFull() {
        DropOldestBuffer<Integer> b = new DropOldestBuffer<>(4);
        for (int i = 1; i <= 4; i++) b.offer(i);
        assertThat(b.takeBatch(2)).containsExactly(1, 2); // write fails: no commit
        assertThat(b.takeBatch(3)).containsExactly(1, 2, 3);
        b.offer(5);
        assertThat(b.dropped()).isEqualTo(1);
        assertThat(b.takeBatch(3)).containsExactly(2, 3, 4);
        b.commit();
        assertThat(b.takeBatch(3)).containsExactly(5);
        b.commit();
        assertThat(b.size()).isZero();
    }
}
