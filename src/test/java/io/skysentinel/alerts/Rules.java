package io.skysentinel.alerts;

import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/** Rules for tests, from the same JSON a client POSTs: {@code Rules.of("{\"name\":\"x\",\"when\":{…}}")}. */
final class Rules {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong IDS = new AtomicLong();

    private Rules() {}

    static AlertRule of(String body) {
        return new RuleParser(600).parse(JSON.readTree(body), 0).withId(IDS.incrementAndGet());
    }

    /** A rule with only a {@code when} (and optional extra top-level fields, e.g. {@code "cooldown_s": 0}). */
    static AlertRule when(String when, String... extra) {
        StringBuilder b = new StringBuilder("{\"name\":\"t\",\"when\":").append(when);
        for (String e : extra) b.append(',').append(e);
        return of(b.append('}').toString());
    }
}
