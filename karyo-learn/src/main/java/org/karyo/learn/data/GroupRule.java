package org.karyo.learn.data;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the group of a crop read without a manifest. Crops from one image (or patient) are
 * correlated; splitting them apart leaks and inflates test accuracy, so every split is by group.
 */
@FunctionalInterface
public interface GroupRule extends Function<Path, String> {

    /** Each file is its own group: the safe default only when nothing better is known. */
    GroupRule FILE = path -> path.getFileName().toString();

    /**
     * The first capture group of {@code regex} found in the file name, e.g. {@code ^(C\d+)} for
     * the NIH malaria patient id; a file name without a match is its own group.
     */
    static GroupRule fileNamePattern(String regex) {
        Pattern pattern = Pattern.compile(regex);
        if (pattern.matcher("").groupCount() < 1) {
            throw new IllegalArgumentException("pattern needs a capture group: " + regex);
        }
        return path -> {
            String name = path.getFileName().toString();
            Matcher m = pattern.matcher(name);
            return m.find() && m.group(1) != null ? m.group(1) : name;
        };
    }
}
