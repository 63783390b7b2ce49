package org.karyo.io.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableTest {
    @TempDir
    Path dir;

    @Test
    void writesNumbersCompactlyAndMissingAsEmpty() throws Exception {
        CsvTable t = new CsvTable(List.of("image", "x", "ok", "n"));
        t.add("a,b.tif", 1.0 / 3, true, Double.NaN);
        t.add("c.tif", 12.0, false, 7);
        Path f = dir.resolve("t.csv");
        t.write(f);
        assertThat(Files.readAllLines(f)).containsExactly("image,x,ok,n", "\"a,b.tif\",0.333333,true,", "c.tif,12,false,7");
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        CsvTable t = new CsvTable(List.of("a", "b"));
        assertThatThrownBy(() -> t.add(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storesCsvsInOneQueryableDatabase() throws Exception {
        CsvTable a = new CsvTable(List.of("image", "nucleus_id", "area"));
        a.add("one.tif", 1, 100);
        a.add("one.tif", 2, 120);
        CsvTable b = new CsvTable(List.of("image", "nucleus_id", "area"));
        b.add("two.tif", 1, 90);
        a.write(dir.resolve("a.csv"));
        b.write(dir.resolve("b.csv"));
        Path db = dir.resolve("karyo.duckdb");
        ResultStore.write(db, Map.of("nuclei", List.of(dir.resolve("a.csv"), dir.resolve("b.csv"))));
        java.util.Properties ro = new java.util.Properties();
        ro.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db, ro);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*), sum(area) FROM nuclei")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3);
            assertThat(rs.getLong(2)).isEqualTo(310);
        }
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void readsBackWhatItWritesIncludingQuotedCells() throws Exception {
        CsvTable t = new CsvTable(List.of("image", "x"));
        t.add("a,\"b\".tif", 2.5);
        Path f = dir.resolve("r.csv");
        t.write(f);
        var rows = CsvReader.read(f);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("image", "a,\"b\".tif").containsEntry("x", "2.5");
    }
}
