package io.skysentinel.statevector;

import io.skysentinel.core.Aircraft;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams an OpenSky {@code /states/all} body into {@link Aircraft} without building a tree: a global body of
 * ~12,000 rows is parsed in a few milliseconds (see docs/benchmarks.md).
 *
 * <p>Rows have 17 columns, or 18 with {@code extended=1} (the last is {@code category}); the length decides.
 * Nulls are normal in most columns; callsigns arrive space-padded and are trimmed (empty becomes null). A bad
 * row is skipped and counted; a bad body (not JSON, truncated, no {@code time}) throws
 * {@link MalformedBodyException}. Thread-safe.
 */
public final class StateVectorParser {

    private static final int MAX_ROW_ERRORS_KEPT = 5;

    private final JsonFactory factory = new JsonFactory();

    public StatesBody parse(byte[] body, String sourceName) {
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), body)) {
            return readBody(p, sourceName);
        } catch (JacksonException e) {
            throw new MalformedBodyException("not a valid states body: " + e.getOriginalMessage(), e);
        }
    }

    private StatesBody readBody(JsonParser p, String sourceName) {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new MalformedBodyException("body is not a JSON object");
        Long time = null;
        List<Aircraft> aircraft = new ArrayList<>();
        RowErrors errors = new RowErrors();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("time".equals(name)) {
                if (value != JsonToken.VALUE_NUMBER_INT) throw new MalformedBodyException("'time' is not an integer");
                time = p.getLongValue();
            } else if ("states".equals(name)) {
                if (value == JsonToken.START_ARRAY) readRows(p, sourceName, aircraft, errors);
                else if (value != JsonToken.VALUE_NULL) throw new MalformedBodyException("'states' is not an array");
            } else {
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) throw new MalformedBodyException("body does not end where expected");
        if (p.nextToken() != null) throw new MalformedBodyException("trailing content after the body");
        if (time == null) throw new MalformedBodyException("body has no 'time'");
        return new StatesBody(time, aircraft, errors.count, List.copyOf(errors.kept));
    }

    private void readRows(JsonParser p, String sourceName, List<Aircraft> out, RowErrors errors) {
        StateRow cells = new StateRow();
        int rowIndex = 1; // 1-based in messages: "row 1" is the first row
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new MalformedBodyException("truncated inside 'states'");
            if (t != JsonToken.START_ARRAY) {
                p.skipChildren();
                errors.add(rowIndex++, "row is not an array");
                continue;
            }
            cells.read(p);
            try {
                out.add(cells.toAircraft(sourceName));
            } catch (RowException e) {
                errors.add(rowIndex, e.getMessage());
            }
            rowIndex++;
        }
    }

    private static final class RowErrors {
        int count;
        final List<String> kept = new ArrayList<>();

        void add(int row, String reason) {
            count++;
            if (kept.size() < MAX_ROW_ERRORS_KEPT) kept.add("row " + row + ": " + reason);
        }
    }
}
