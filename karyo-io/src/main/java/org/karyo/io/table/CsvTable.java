package org.karyo.io.table;

import org.karyo.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table with a fixed header, written as CSV atomically. Missing numbers (NaN) are written as empty
 * cells, which pandas, R and DuckDB all read as missing.
 */
public final class CsvTable {
    private final List<String> header;
    private final List<Object[]> rows = new ArrayList<>();

    public CsvTable(List<String> header) {
        if (header.isEmpty()) throw new IllegalArgumentException("a table needs columns");
        this.header = List.copyOf(header);
    }

    public List<String> header() {
        return header;
    }

    public int size() {
        return rows.size();
    }

    public void add(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + header.size() + " columns");
        }
        rows.add(values.clone());
    }

    public void addAll(CsvTable other) {
        if (!other.header.equals(header)) throw new IllegalArgumentException("tables have different columns");
        rows.addAll(other.rows);
    }

    public void write(Path file) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(line(header.toArray()));
                for (Object[] r : rows) w.write(line(r));
            }
        });
    }

    private static String line(Object[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(cell(values[i]));
        }
        return sb.append('\n').toString();
    }

    static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return number(d);
        if (v instanceof Float f) return number(f);
        String s = v.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Up to 6 significant digits, no exponent for ordinary magnitudes, no trailing zeros. */
    private static String number(double d) {
        if (!Double.isFinite(d)) return "";
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        String s = (Math.abs(d) >= 1e-4 && Math.abs(d) < 1e9)
                ? new java.math.BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString()
                : String.format(Locale.ROOT, "%.6g", d);
        return s;
    }
}
