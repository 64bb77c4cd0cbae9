package io.skysentinel.source.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IcaoAllocatorTest {

    @Test
    void addressesAreValidDistinctAndSeeded() {
        IcaoAllocator a = new IcaoAllocator(42);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 300_000; i++) {
            String id = a.next();
            assertThat(id).matches("[0-9a-f]{6}").isNotIn("000000", "ffffff");
            assertThat(seen.add(id)).as("repeat of %s after %d", id, i).isTrue();
        }
        IcaoAllocator same = new IcaoAllocator(42), other = new IcaoAllocator(43);
        String first = same.next();
        assertThat(first).isEqualTo(new IcaoAllocator(42).next());
        assertThat(other.next()).isNotEqualTo(first);
    }

    @Test
    void consecutiveAddressesDoNotLookSequential() {
        IcaoAllocator a = new IcaoAllocator(42);
        int x = Integer.parseInt(a.next(), 16), y = Integer.parseInt(a.next(), 16);
        assertThat(Math.abs(x - y)).isGreaterThan(16);
    }
}
