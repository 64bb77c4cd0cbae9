package io.skysentinel.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The first line of defence of POST /api/database/query: is this text one reading statement? A tokenizer that knows
 * PostgreSQL's quoting (strings, E'' strings, quoted identifiers, dollar quotes, nested comments) so that a keyword
 * or a {@code ;} inside a string or a comment is not taken for one, and one outside is never missed. The second line
 * holds even when this one is fooled: the statement runs in a READ ONLY transaction as a role that may only read
 * ({@link ReadOnlyQuery}).
 */
public final class StatementCheck {

    /** Why a statement is refused, in words for the client. */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String reason) {
            super(reason);
        }
    }

    enum Kind {
        WORD,
        QUOTED_IDENTIFIER,
        STRING,
        NUMBER,
        SYMBOL,
        SEMICOLON
    }

    /** {@code text}: a word lower-cased, a quoted identifier's name as written, a symbol's character. */
    record Token(Kind kind, String text) {}

    static final Set<String> FIRST_WORDS = Set.of("select", "with", "table", "values", "explain");

    /** Keywords of statements or clauses that write or change state; refused anywhere outside quotes. */
    static final Set<String> WRITING_WORDS = Set.of(
            "insert",
            "update",
            "delete",
            "merge",
            "truncate",
            "create",
            "drop",
            "alter",
            "grant",
            "revoke",
            "copy",
            "call",
            "do",
            "vacuum",
            "analyze",
            "analyse",
            "cluster",
            "reindex",
            "lock",
            "refresh",
            "listen",
            "notify",
            "unlisten",
            "prepare",
            "execute",
            "deallocate",
            "declare",
            "fetch",
            "move",
            "close",
            "set",
            "reset",
            "discard",
            "begin",
            "start",
            "commit",
            "end",
            "rollback",
            "abort",
            "savepoint",
            "release",
            "into",
            "comment",
            "security",
            "load",
            "import",
            "checkpoint",
            "reassign",
            "owned");

    /** Functions with side effects (or that run SQL given as a string); pg_sleep is allowed: the timeout ends it. */
    static final Set<String> SIDE_EFFECT_FUNCTIONS = Set.of(
            "set_config",
            "nextval",
            "setval",
            "pg_terminate_backend",
            "pg_cancel_backend",
            "pg_reload_conf",
            "pg_rotate_logfile",
            "pg_switch_wal",
            "pg_promote",
            "pg_notify",
            "query_to_xml",
            "query_to_xml_and_xmlschema",
            "query_to_xmlschema",
            "cursor_to_xml",
            "cursor_to_xmlschema",
            "txid_current",
            "pg_current_xact_id",
            "pg_log_backend_memory_contexts",
            "pg_sleep_for_ever");

    static final List<String> SIDE_EFFECT_PREFIXES = List.of(
            "lo_",
            "dblink",
            "pg_read_",
            "pg_ls_",
            "pg_stat_file",
            "pg_file_",
            "pg_advisory",
            "pg_try_advisory",
            "pg_create_",
            "pg_drop_",
            "pg_replication_",
            "pg_logical_",
            "pg_stat_reset",
            "pg_import_",
            "pg_copy_",
            "pg_backup_",
            "pg_wal_replay_",
            "pg_export_snapshot");

    private StatementCheck() {}

    /** Returns when {@code sql} is one reading statement; throws {@link RefusedException} saying why not. */
    public static void check(String sql) {
        List<Token> tokens = tokenize(sql);
        int semicolon = -1;
        for (int i = 0; i < tokens.size(); i++)
            if (tokens.get(i).kind() == Kind.SEMICOLON) {
                semicolon = i;
                break;
            }
        if (semicolon >= 0 && semicolon < tokens.size() - 1)
            throw new RefusedException("holds more than one statement: only one is allowed, and nothing after ';'");
        List<Token> body = semicolon >= 0 ? tokens.subList(0, semicolon) : tokens;
        Token first = body.stream()
                .filter(t -> !(t.kind() == Kind.SYMBOL && t.text().equals("(")))
                .findFirst()
                .orElseThrow(() -> new RefusedException("is empty"));
        if (first.kind() != Kind.WORD || !FIRST_WORDS.contains(first.text()))
            throw new RefusedException("must be a SELECT, WITH, TABLE, VALUES or EXPLAIN statement, not one starting '"
                    + shown(first) + "'");
        for (int i = 0; i < body.size(); i++) {
            Token t = body.get(i);
            if (t.kind() == Kind.WORD && WRITING_WORDS.contains(t.text()))
                throw new RefusedException("uses " + t.text().toUpperCase(Locale.ROOT)
                        + (t.text().startsWith("analy")
                                ? ", which runs the statement: EXPLAIN without ANALYZE only"
                                : ", which writes or changes state: only reading statements are allowed"));
            boolean name = t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_IDENTIFIER;
            if (name && i + 1 < body.size() && body.get(i + 1).text().equals("(") && sideEffect(t.text()))
                throw new RefusedException("calls " + t.text() + "(), a function with side effects");
        }
    }

    static boolean sideEffect(String function) {
        String f = function.toLowerCase(Locale.ROOT);
        return SIDE_EFFECT_FUNCTIONS.contains(f)
                || SIDE_EFFECT_PREFIXES.stream().anyMatch(f::startsWith);
    }

    private static String shown(Token t) {
        return t.text().length() > 30 ? t.text().substring(0, 30) + "…" : t.text();
    }

    /** The tokens of {@code sql}, comments and white space left out; an unterminated quote or comment is refused. */
    static List<Token> tokenize(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = blockCommentEnd(sql, i);
            } else if (c == '\'') {
                int end = quoteEnd(sql, i, '\'', false);
                out.add(new Token(Kind.STRING, sql.substring(i + 1, end - 1)));
                i = end;
            } else if (c == '"') {
                int end = quoteEnd(sql, i, '"', false);
                out.add(new Token(
                        Kind.QUOTED_IDENTIFIER, sql.substring(i + 1, end - 1).replace("\"\"", "\"")));
                i = end;
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                if (close < 0) throw new RefusedException("has an unterminated dollar-quoted string " + tag);
                out.add(new Token(Kind.STRING, sql.substring(tagEnd, close)));
                i = close + tag.length();
            } else if (wordStart(c)) {
                int j = i + 1;
                while (j < n && wordPart(sql.charAt(j))) j++;
                String word = sql.substring(i, j).toLowerCase(Locale.ROOT);
                if (j < n
                        && sql.charAt(j) == '\''
                        && (word.equals("e")
                                || word.equals("x")
                                || word.equals("b")
                                || word.equals("n")
                                || word.equals("u&"))) {
                    int end = quoteEnd(sql, j, '\'', word.equals("e"));
                    out.add(new Token(Kind.STRING, sql.substring(j + 1, end - 1)));
                    i = end;
                } else {
                    out.add(new Token(Kind.WORD, word));
                    i = j;
                }
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) j++;
                out.add(new Token(Kind.NUMBER, sql.substring(i, j)));
                i = j;
            } else if (c == ';') {
                out.add(new Token(Kind.SEMICOLON, ";"));
                i++;
            } else {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return out;
    }

    private static boolean wordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean wordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The index after the closing quote; a doubled quote is one quote; in an E'' string a backslash escapes. */
    private static int quoteEnd(String sql, int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) i += 2;
                else return i + 1;
            } else {
                i++;
            }
        }
        throw new RefusedException("has an unterminated " + (quote == '"' ? "quoted identifier" : "string"));
    }

    /** PostgreSQL's block comments nest. */
    private static int blockCommentEnd(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i + 1 < sql.length()) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) return i;
            } else {
                i++;
            }
        }
        throw new RefusedException("has an unterminated /* comment");
    }

    /** For a dollar-quote opening ($$ or $tag$) at {@code i}, the index after it; else -1 (e.g. a $1 parameter). */
    private static int dollarTagEnd(String sql, int i) {
        int j = i + 1;
        if (j < sql.length() && Character.isDigit(sql.charAt(j))) return -1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) j++;
        return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
    }
}
