package io.skysentinel.alerts.store;

import io.skysentinel.alerts.AlertRule;
import io.skysentinel.alerts.AlertStore;
import io.skysentinel.alerts.ConditionParser;
import io.skysentinel.alerts.Delivery;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The {@link AlertStore} in PostgreSQL: the tables of V5__alerts.sql (docs/alerts.md#storage). */
public final class JdbcAlertStore implements AlertStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RULE_COLUMNS = "id, name, when_json, deliver_webhook, deliver_secret, deliver_format,"
            + " cooldown_s, notify_ended, owner_token_sha256, created_at, updated_at";

    private final JdbcTemplate jdbc;

    public JdbcAlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AlertRule create(AlertRule r) {
        Long id = jdbc.queryForObject(
                "INSERT INTO alert_rules (name, when_json, deliver_webhook, deliver_secret, deliver_format, cooldown_s,"
                        + " notify_ended, owner_token_sha256, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                Long.class,
                r.name(),
                r.whenJson(),
                webhook(r),
                r.deliver().secret(),
                format(r),
                r.cooldownS(),
                r.notifyEnded(),
                r.ownerTokenHash(),
                new Timestamp(r.createdMs()),
                new Timestamp(r.updatedMs()));
        return r.withId(id);
    }

    @Override
    public Optional<AlertRule> find(long id) {
        return jdbc
                .query("SELECT " + RULE_COLUMNS + " FROM alert_rules WHERE id = ?", JdbcAlertStore::rule, id)
                .stream()
                .findFirst();
    }

    @Override
    public List<AlertRule> all() {
        return jdbc.query("SELECT " + RULE_COLUMNS + " FROM alert_rules ORDER BY id", JdbcAlertStore::rule);
    }

    @Override
    public boolean update(AlertRule r) {
        return jdbc.update(
                        "UPDATE alert_rules SET name = ?, when_json = ?, deliver_webhook = ?, deliver_secret = ?,"
                                + " deliver_format = ?, cooldown_s = ?, notify_ended = ?, updated_at = ? WHERE id = ?",
                        r.name(),
                        r.whenJson(),
                        webhook(r),
                        r.deliver().secret(),
                        format(r),
                        r.cooldownS(),
                        r.notifyEnded(),
                        new Timestamp(r.updatedMs()),
                        r.id())
                > 0;
    }

    @Override
    public boolean delete(long id) {
        return jdbc.update("DELETE FROM alert_rules WHERE id = ?", id) > 0;
    }

    @Override
    public void recordFired(List<FiredAlert> alerts) {
        if (alerts.isEmpty()) return;
        jdbc.batchUpdate(
                "INSERT INTO alert_fired (id, rule_id, kind, subject, fired_at, body) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO NOTHING",
                alerts,
                alerts.size(),
                (ps, a) -> {
                    ps.setObject(1, UUID.fromString(a.id()));
                    ps.setLong(2, a.ruleId());
                    ps.setString(3, a.kind());
                    ps.setString(4, a.subject());
                    ps.setTimestamp(5, new Timestamp(a.firedAtMs()));
                    ps.setString(6, a.body());
                });
    }

    @Override
    public List<FiredAlert> fired(Long ruleId, long fromMs, long toMs, int offset, int limit) {
        List<Object> args = filter(ruleId, fromMs, toMs);
        args.add(limit);
        args.add(offset);
        return jdbc.query(
                "SELECT id, rule_id, kind, subject, fired_at, body FROM alert_fired WHERE " + where(ruleId)
                        + " ORDER BY fired_at DESC, id LIMIT ? OFFSET ?",
                (rs, n) -> new FiredAlert(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).getTime(),
                        rs.getString(6)),
                args.toArray());
    }

    @Override
    public long countFired(Long ruleId, long fromMs, long toMs) {
        Long n = jdbc.queryForObject(
                "SELECT count(*) FROM alert_fired WHERE " + where(ruleId),
                Long.class,
                filter(ruleId, fromMs, toMs).toArray());
        return n == null ? 0 : n;
    }

    private static String where(Long ruleId) {
        return (ruleId == null ? "" : "rule_id = ? AND ") + "fired_at >= ? AND fired_at <= ?";
    }

    private static List<Object> filter(Long ruleId, long fromMs, long toMs) {
        List<Object> args = new ArrayList<>();
        if (ruleId != null) args.add(ruleId);
        args.add(new Timestamp(fromMs));
        args.add(new Timestamp(toMs));
        return args;
    }

    @Override
    public long forgetBefore(long cutoffMs) {
        Timestamp cutoff = new Timestamp(cutoffMs);
        return jdbc.update("DELETE FROM alert_fired WHERE fired_at < ?", cutoff)
                + jdbc.update("DELETE FROM alert_dead_letters WHERE failed_at < ?", cutoff);
    }

    @Override
    public void recordDeadLetter(DeadLetter d) {
        jdbc.update(
                "INSERT INTO alert_dead_letters (delivery_id, rule_id, webhook, attempts, last_error, failed_at, body)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING",
                UUID.fromString(d.deliveryId()),
                d.ruleId(),
                d.webhook(),
                d.attempts(),
                d.lastError(),
                new Timestamp(d.failedAtMs()),
                d.body());
    }

    @Override
    public List<DeadLetter> deadLetters(long ruleId, int limit) {
        return jdbc.query(
                "SELECT delivery_id, rule_id, webhook, attempts, last_error, failed_at, body FROM alert_dead_letters"
                        + " WHERE rule_id = ? ORDER BY failed_at DESC LIMIT ?",
                (rs, n) -> new DeadLetter(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getTimestamp(6).getTime(),
                        rs.getString(7)),
                ruleId,
                limit);
    }

    private static String webhook(AlertRule r) {
        return r.deliver().webhook() == null ? null : r.deliver().webhook().toString();
    }

    private static String format(AlertRule r) {
        return r.deliver().format().name().toLowerCase(Locale.ROOT);
    }

    private static AlertRule rule(ResultSet rs, int n) throws SQLException {
        String when = rs.getString("when_json");
        String hook = rs.getString("deliver_webhook");
        Delivery d = new Delivery(
                hook == null ? null : URI.create(hook),
                rs.getString("deliver_secret"),
                Delivery.Format.valueOf(rs.getString("deliver_format").toUpperCase(Locale.ROOT)));
        return new AlertRule(
                rs.getLong("id"),
                rs.getString("name"),
                when,
                ConditionParser.parse(JSON.readTree(when)),
                d,
                rs.getLong("cooldown_s"),
                rs.getBoolean("notify_ended"),
                rs.getString("owner_token_sha256"),
                rs.getTimestamp("created_at").getTime(),
                rs.getTimestamp("updated_at").getTime());
    }
}
