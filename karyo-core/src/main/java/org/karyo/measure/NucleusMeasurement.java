package org.karyo.measure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything measured of one nucleus: its shape and, per named channel, its intensities. */
public record NucleusMeasurement(int id, Shape shape, Map<String, ChannelStats> channels) {
    public NucleusMeasurement {
        if (id <= 0) throw new IllegalArgumentException("nucleus id must be positive: " + id);
        // Keep the caller's channel order: tables list channels in the order they were named.
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
    }

    public ChannelStats channel(String name) {
        ChannelStats s = channels.get(name);
        if (s == null) throw new IllegalArgumentException("no channel '" + name + "' measured; have " + channels.keySet());
        return s;
    }
}
