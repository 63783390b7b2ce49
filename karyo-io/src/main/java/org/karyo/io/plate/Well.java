package org.karyo.io.plate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A well of a plate of up to 384 wells: row A..P, column 1..24, written as IXM does ("B03"). */
public record Well(char row, int column) implements Comparable<Well> {
    private static final Pattern NAME = Pattern.compile("([A-P])(\\d{2})");

    public Well {
        if (row < 'A' || row > 'P') {
            throw new IllegalArgumentException("well row must be A..P, not " + row);
        }
        if (column < 1 || column > 24) {
            throw new IllegalArgumentException("well column must be 1..24, not " + column);
        }
    }

    /** Parses "A01".."P24"; empty for anything else (including "A1" and "A25"). */
    public static Optional<Well> parse(String s) {
        Matcher m = NAME.matcher(s);
        if (!m.matches()) return Optional.empty();
        int column = Integer.parseInt(m.group(2));
        if (column < 1 || column > 24) return Optional.empty();
        return Optional.of(new Well(m.group(1).charAt(0), column));
    }

    /** Row-major order, as a plate is read: A01, A02, ..., B01. */
    @Override
    public int compareTo(Well o) {
        return row != o.row ? Character.compare(row, o.row) : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return String.format("%c%02d", row, column);
    }
}
