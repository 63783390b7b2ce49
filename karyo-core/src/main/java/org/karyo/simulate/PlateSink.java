package org.karyo.simulate;

import java.io.IOException;

/** Receives plate sites one at a time, so a plate of any size never sits in memory. */
@FunctionalInterface
public interface PlateSink {
    void accept(PlateSite site) throws IOException;
}
