package org.karyo;

import java.nio.file.Path;

/**
 * A problem with what the user gave us (a file, a folder, an option), as opposed to a bug.
 * The message is always one line: {@code <file>: <problem>}, so a CLI can print it as it is.
 */
public class KaryoInputException extends Exception {
    private final transient Path file;
    private final String problem;

    public KaryoInputException(Path file, String problem) {
        this(file, problem, null);
    }

    public KaryoInputException(Path file, String problem, Throwable cause) {
        super(file == null ? oneLine(problem) : file + ": " + oneLine(problem), cause);
        this.file = file;
        this.problem = oneLine(problem);
    }

    /** The file (or folder) at fault; may be null when the problem is an option, not a file. */
    public Path file() {
        return file;
    }

    public String problem() {
        return problem;
    }

    private static String oneLine(String s) {
        return s == null ? "unknown problem" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
