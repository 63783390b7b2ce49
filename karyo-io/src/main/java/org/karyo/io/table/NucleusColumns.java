package org.karyo.io.table;

import org.karyo.measure.ChannelStats;
import org.karyo.measure.NucleusMeasurement;
import org.karyo.measure.Shape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stable column layout of every nuclei table: {@code image,nucleus_id,x,y,area} first (x = column,
 * y = row, 0-based pixels), then shape, then per channel {@code <channel>_<statistic>}, then whatever
 * extra columns a command adds (e.g. {@code reporter_mean,infected}).
 */
public final class NucleusColumns {
    public static final List<String> SHAPE = List.of("image", "nucleus_id", "x", "y", "area",
            "perimeter", "equivalent_diameter", "eccentricity", "solidity", "circularity",
            "major_axis", "minor_axis", "orientation", "bbox_x", "bbox_y", "bbox_width", "bbox_height");
    public static final List<String> CHANNEL_STATS = List.of("mean", "median", "std", "min", "max",
            "integrated", "rim_centre_ratio");

    private NucleusColumns() {
    }

    /**
     * @param channelPrefixes one column prefix per measured channel, in the order rows list them
     * @throws IllegalArgumentException when a column would appear twice: readers would take either one
     */
    public static List<String> header(List<String> channelPrefixes, List<String> extra) {
        List<String> h = new ArrayList<>(SHAPE);
        for (String c : channelPrefixes) {
            for (String s : CHANNEL_STATS) h.add(c + "_" + s);
        }
        h.addAll(extra);
        Set<String> seen = new HashSet<>();
        for (String c : h) {
            if (!seen.add(c)) throw new IllegalArgumentException("nuclei table column " + c + " appears twice");
        }
        return h;
    }

    public static Object[] row(String image, NucleusMeasurement m, List<String> channels, Object... extra) {
        Shape s = m.shape();
        List<Object> r = new ArrayList<>(List.of(image, m.id(), s.x(), s.y(), s.area(), s.perimeter(),
                s.equivalentDiameter(), s.eccentricity(), s.solidity(), s.circularity(), s.majorAxis(),
                s.minorAxis(), s.orientation(), s.bboxX(), s.bboxY(), s.bboxWidth(), s.bboxHeight()));
        for (String c : channels) {
            ChannelStats st = m.channel(c);
            r.addAll(List.of(st.mean(), st.median(), st.std(), st.min(), st.max(), st.integrated(), st.rimCentreRatio()));
        }
        r.addAll(List.of(extra));
        return r.toArray();
    }
}
