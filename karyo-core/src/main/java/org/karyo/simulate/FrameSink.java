package org.karyo.simulate;

import java.io.IOException;

/** Receives time-lapse frames as they are made, so nothing accumulates in memory (write them to disk). */
@FunctionalInterface
public interface FrameSink {
    void accept(TimelapseFrame frame) throws IOException;
}
