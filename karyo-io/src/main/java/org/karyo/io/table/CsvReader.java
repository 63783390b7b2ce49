package org.karyo.io.table;

import org.karyo.KaryoInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a CSV file with a header row into rows keyed by column name (RFC 4180 quoting). */
public final class CsvReader {
    private CsvReader() {
    }

    public static List<Map<String, String>> read(Path file) throws KaryoInputException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = r.readLine();
            if (headerLine == null) throw new KaryoInputException(file, "empty table (no header)");
            List<String> header = split(headerLine);
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                List<String> cells = split(line);
                if (cells.size() != header.size()) {
                    throw new KaryoInputException(file, "line " + n + " has " + cells.size() + " cells for " + header.size() + " columns");
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) row.put(header.get(i), cells.get(i));
                rows.add(row);
            }
        } catch (IOException e) {
            throw new KaryoInputException(file, "cannot read table: " + e.getMessage(), e);
        }
        return rows;
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
