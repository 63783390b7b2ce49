package org.karyo.io.timelapse;

import org.karyo.KaryoInputException;
import org.karyo.image.Plane;

import java.nio.file.Path;

/** Remembers the first frame's size and refuses any frame of another size, naming the file. */
final class FrameSizes {
    private int width = -1;
    private int height = -1;
    private String firstName;

    void check(Path file, String what, Plane p) throws KaryoInputException {
        if (width < 0) {
            width = p.width();
            height = p.height();
            firstName = what;
            return;
        }
        if (p.width() != width || p.height() != height) {
            throw new KaryoInputException(file, what + " is " + p.width() + "x" + p.height() + " but " + firstName
                    + " is " + width + "x" + height + "; all frames and channels must have one size");
        }
    }
}
