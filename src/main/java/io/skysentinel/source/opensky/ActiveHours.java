package io.skysentinel.source.opensky;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * When a region is worth polling, in its own local time: {@code 06:00-23:00@Europe/Zurich}, a window that wraps
 * midnight ({@code 22:00-02:00@America/New_York}), or several ({@code 06:00-09:00,16:00-20:00@UTC}). Nobody watches
 * Zurich at 3 a.m. local, and its credits buy more freshness elsewhere. Daylight saving is the zone's: a window is
 * local wall-clock time on every day. Pure; {@link #always()} is today's behaviour.
 */
public final class ActiveHours {

    private record Window(LocalTime from, LocalTime to) {
        boolean contains(LocalTime t) {
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }
    }

    private static final ActiveHours ALWAYS = new ActiveHours(List.of(), null, "always");

    private final List<Window> windows;
    private final ZoneId zone;
    private final String spec;

    private ActiveHours(List<Window> windows, ZoneId zone, String spec) {
        this.windows = windows;
        this.zone = zone;
        this.spec = spec;
    }

    public static ActiveHours always() {
        return ALWAYS;
    }

    /** Reads {@code HH:MM-HH:MM[,HH:MM-HH:MM…]@Zone} or {@code always}; a bad spec says what is wrong with it. */
    public static ActiveHours parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        if (s.isEmpty() || s.equalsIgnoreCase("always")) return ALWAYS;
        int at = s.lastIndexOf('@');
        if (at < 0) throw bad(s, "needs @Zone, e.g. 06:00-23:00@Europe/Zurich");
        ZoneId zone;
        try {
            zone = ZoneId.of(s.substring(at + 1).strip());
        } catch (DateTimeException e) {
            throw bad(s, "'" + s.substring(at + 1) + "' is not a time zone");
        }
        List<Window> windows = new ArrayList<>();
        for (String w : s.substring(0, at).split(",")) {
            String[] ends = w.strip().split("-");
            if (ends.length != 2) throw bad(s, "'" + w.strip() + "' is not HH:MM-HH:MM");
            try {
                LocalTime from = LocalTime.parse(ends[0].strip()), to = LocalTime.parse(ends[1].strip());
                if (from.equals(to)) throw bad(s, "'" + w.strip() + "' is empty (use 'always' for all day)");
                windows.add(new Window(from, to));
            } catch (DateTimeParseException e) {
                throw bad(s, "'" + w.strip() + "' is not HH:MM-HH:MM");
            }
        }
        return new ActiveHours(List.copyOf(windows), zone, s);
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("active hours '" + spec + "': " + why);
    }

    public boolean activeAt(Instant t) {
        if (windows.isEmpty()) return true;
        LocalTime local = t.atZone(zone).toLocalTime();
        for (Window w : windows) if (w.contains(local)) return true;
        return false;
    }

    /** The next instant after {@code t} at which {@link #activeAt} flips; null when it never does. */
    public Instant nextChange(Instant t) {
        if (windows.isEmpty()) return null;
        boolean now = activeAt(t);
        Instant best = null;
        LocalDate day = t.atZone(zone).toLocalDate();
        for (int d = 0; d <= 2; d++) {
            for (Window w : windows) {
                for (LocalTime edge : new LocalTime[] {w.from(), w.to()}) {
                    Instant e = edgeInstant(day.plusDays(d).atTime(edge));
                    if (e.isAfter(t) && activeAt(e) != now && (best == null || e.isBefore(best))) best = e;
                }
            }
        }
        return best;
    }

    /** A wall time as an instant; one lost to a DST jump forward is the jump itself (the clock passes it there). */
    private Instant edgeInstant(LocalDateTime local) {
        var transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) return transition.getInstant();
        return ZonedDateTime.of(local, zone).toInstant();
    }

    @Override
    public String toString() {
        return spec;
    }
}
