package org.karyo.app;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest. */
final class KaryoVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Karyo.class.getPackage().getImplementationVersion();
        return new String[] {"karyo " + (v == null ? "development build" : v)};
    }
}
