package org.karyo.io.table;

import org.karyo.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads result CSVs into one embedded DuckDB database file, so a user can query a whole plate with SQL
 * (or open it from Python/R) instead of concatenating CSVs. Built in a temporary file and moved into
 * place, like every other output.
 */
public final class ResultStore {
    private ResultStore() {
    }

    /** @param tables table name to the CSV files whose rows it gets (columns matched by name) */
    public static void write(Path database, Map<String, List<Path>> tables) throws IOException {
        AtomicFiles.write(database, tmp -> {
            Files.deleteIfExists(tmp); // DuckDB wants to create the file itself
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp.toAbsolutePath());
                 Statement st = c.createStatement()) {
                for (Map.Entry<String, List<Path>> e : tables.entrySet()) {
                    if (!e.getKey().matches("[a-z_][a-z0-9_]*")) {
                        throw new IllegalArgumentException("bad table name " + e.getKey());
                    }
                    if (e.getValue().isEmpty()) continue;
                    String files = e.getValue().stream()
                            .map(p -> "'" + p.toAbsolutePath().toString().replace("'", "''") + "'")
                            .collect(Collectors.joining(", ", "[", "]"));
                    st.execute("CREATE TABLE " + e.getKey() + " AS SELECT * FROM read_csv(" + files
                            + ", header = true, union_by_name = true, filename = false)");
                }
                st.execute("CHECKPOINT");
            } catch (SQLException ex) {
                throw new IOException("cannot write database " + database + ": " + ex.getMessage(), ex);
            }
            Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + ".wal"));
        });
    }
}
