package io.skysentinel.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into its cells: the bundled airport files (analytics) and OurAirports' airports.csv (the
 * history import) are read with it. In core so that both use one splitter, since they may not import each other.
 */
public final class Csv {

    private Csv() {}

    /**
     * The cells of one line, RFC 4180 quoting: a quoted cell may hold commas, and {@code ""} inside it is one quote.
     * Line breaks inside a cell are not supported (neither file has them). An empty line is one empty cell.
     */
    public static List<String> split(String line) {
        return split(line, ',', '"');
    }

    /** The same with another separator and quote (OpenSky's aircraft database quotes with {@code '}). */
    public static List<String> split(String line, char separator, char quote) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                boolean escapedQuote = c == quote && i + 1 < line.length() && line.charAt(i + 1) == quote;
                if (escapedQuote) {
                    cell.append(quote);
                    i++;
                } else if (c == quote) {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == quote && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
