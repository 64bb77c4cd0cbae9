package io.skysentinel.history;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** A DataSource recording the SQL of every statement prepared through it: how tests see "one statement per batch". */
final class StatementCounter {

    final List<String> prepared = new CopyOnWriteArrayList<>();
    final DataSource dataSource;

    StatementCounter(DataSource real) {
        dataSource = (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, args) -> {
                    Object r = invoke(real, m, args);
                    return r instanceof Connection c ? connection(c) : r;
                });
    }

    private Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
                    if (m.getName().startsWith("prepare") && args != null && args[0] instanceof String sql)
                        prepared.add(sql.strip());
                    return invoke(real, m, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Statements prepared whose SQL starts with {@code prefix}. */
    long count(String prefix) {
        return prepared.stream().filter(s -> s.startsWith(prefix)).count();
    }
}
