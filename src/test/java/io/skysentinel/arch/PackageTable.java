package io.skysentinel.arch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package table of docs/architecture.md ("## Packages") as data: for each package, the packages of ours it may
 * use. Read from the document itself, so that the document and {@link PackageBoundariesTest} cannot disagree. The
 * format is strict on purpose: a row the parser does not understand fails, rather than allowing less or more than
 * the document says.
 */
record PackageTable(Map<String, Set<String>> mayUse, Set<String> mayUseEverything) {

    static final String ROOT = "io.skysentinel";
    static final Path DOCUMENT = Path.of("docs", "architecture.md");
    private static final String SECTION = "## Packages";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    static PackageTable fromDocument() throws IOException {
        return parse(Files.readString(DOCUMENT));
    }

    /** Parses the first table after the "## Packages" heading: package | what | may use. */
    static PackageTable parse(String markdown) {
        int section = markdown.indexOf("\n" + SECTION + "\n");
        if (section < 0) throw new IllegalArgumentException("no '" + SECTION + "' section");
        List<String> rows = tableRows(markdown.substring(section + SECTION.length() + 2));
        if (rows.isEmpty()) throw new IllegalArgumentException("no table under '" + SECTION + "'");
        Map<String, Set<String>> mayUse = new LinkedHashMap<>();
        Set<String> everything = new LinkedHashSet<>();
        for (String row : rows) {
            String[] cells = row.split("\\|", -1);
            if (cells.length != 5) throw new IllegalArgumentException("not three columns: " + row);
            List<String> packages = codes(cells[1]);
            if (packages.isEmpty()) throw new IllegalArgumentException("no package in the first column: " + row);
            String allowed = cells[3].strip();
            for (String p : packages) {
                String name = absolute(p);
                if (mayUse.put(name, allowedOf(allowed, row)) != null)
                    throw new IllegalArgumentException("package " + p + " has two rows");
                if (allowed.equals("everything")) everything.add(name);
            }
        }
        return new PackageTable(Collections.unmodifiableMap(mayUse), Collections.unmodifiableSet(everything));
    }

    /** The rows after the header and separator, up to the first line that is not a table line. */
    private static List<String> tableRows(String afterHeading) {
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : afterHeading.split("\n", -1)) {
            boolean tableLine = line.startsWith("|");
            if (!tableLine && inTable) break;
            if (!tableLine) continue;
            inTable = true;
            rows.add(line);
        }
        return rows.size() < 2 ? List.of() : rows.subList(2, rows.size());
    }

    private static Set<String> allowedOf(String cell, String row) {
        if (cell.equals("nothing of ours") || cell.equals("everything")) return Set.of();
        int semicolon = cell.indexOf(';');
        List<String> named = codes(semicolon < 0 ? cell : cell.substring(0, semicolon));
        if (named.isEmpty())
            throw new IllegalArgumentException(
                    "'may use' is neither packages in backticks, 'nothing of ours' nor" + " 'everything': " + row);
        Set<String> out = new LinkedHashSet<>();
        for (String p : named) out.add(absolute(p));
        return Collections.unmodifiableSet(out);
    }

    private static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) out.add(m.group(1).strip());
        return out;
    }

    private static String absolute(String relative) {
        if (!relative.matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*"))
            throw new IllegalArgumentException("'" + relative + "' is not a package name");
        return relative.equals(ROOT) ? ROOT : ROOT + "." + relative;
    }
}
