package dev.wipflow.store.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement with named parameters turned into JDBC's {@code ?} form. A parameter is {@code :} and a Java-style
 * name; text in quotes, comments and PostgreSQL's {@code ::type} casts are left as they are.
 *
 * @param jdbc  the statement with a {@code ?} for each parameter
 * @param names the parameters' names in the order of their {@code ?}s (a name used twice is there twice)
 */
record NamedSql(String original, String jdbc, List<String> names) {
    static NamedSql parse(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int n = sql.length();
        for (int i = 0; i < n; ) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                while (end > 0 && end + 1 < n && sql.charAt(end + 1) == c) end = sql.indexOf(c, end + 2); // '' inside
                end = end < 0 ? n : end + 1;
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) end++;
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedSql(sql, out.toString(), List.copyOf(names));
    }
}
