package org.karyo.io.plate;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Molecular Devices ImageXpress (IXM) image file name:
 * {@code <plate>_<well>_s<site>_w<channel>[<hash>].tif}, the site being optional
 * ({@code <plate>_<well>_w<channel>.tif}, one site per well).
 *
 * <p>The hash is what MetaXpress appends after the channel number: a GUID ({@code 8-4-4-4-12} uppercase hex) or
 * a run of uppercase hex starting with a letter. A plain hex run starting with a digit could not be told apart
 * from the channel number, so it is read as part of the channel; GUIDs are always recognised whole.
 *
 * @param plate       plate name as written in the file name (may contain underscores)
 * @param well        the well
 * @param site        site number, 1 when the name has no {@code _s} part
 * @param siteInName  whether the name carries {@code _s<site>}
 * @param channel     wavelength number ({@code w1} = 1)
 * @param hash        the suffix after the channel number, "" when absent
 */
public record ImageName(String plate, Well well, int site, boolean siteInName, int channel, String hash) {
    private static final Pattern NAME = Pattern.compile(
            "(?<plate>.+)_(?<well>[A-P]\\d{2})(?:_s(?<site>\\d+))?_w(?<channel>\\d+?)"
                    + "(?<hash>[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}|[A-F][0-9A-F]*)?"
                    + "\\.(?i:tiff?)");

    public ImageName {
        if (plate == null || plate.isBlank()) {
            throw new IllegalArgumentException("plate name is empty");
        }
        if (well == null) {
            throw new IllegalArgumentException("well is missing");
        }
        if (site < 1 || channel < 1) {
            throw new IllegalArgumentException("site and channel must be >= 1: s" + site + " w" + channel);
        }
        if (hash == null) {
            throw new IllegalArgumentException("hash must be \"\" when absent, not null");
        }
    }

    /**
     * Parses a file name (not a path). Empty when it is not an IXM image name, or is a thumbnail
     * ({@code _thumb} anywhere in the name: MetaXpress writes small previews beside the images).
     */
    public static Optional<ImageName> parse(String fileName) {
        if (fileName.toLowerCase(Locale.ROOT).contains("_thumb")) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Well> well = Well.parse(m.group("well"));
        if (well.isEmpty()) {
            return Optional.empty();
        }
        String site = m.group("site");
        int channel = parsePositive(m.group("channel"));
        int s = site == null ? 1 : parsePositive(site);
        if (channel < 1 || s < 1) {
            return Optional.empty();
        }
        String hash = m.group("hash");
        return Optional.of(new ImageName(m.group("plate"), well.get(), s, site != null, channel,
                hash == null ? "" : hash));
    }

    /** The name MetaXpress would give this image without a hash: how a missing file is named in messages. */
    public String canonicalFileName() {
        return plate + "_" + well + (siteInName ? "_s" + site : "") + "_w" + channel + ".tif";
    }

    /** -1 for numbers too long for an int (so they are rejected, not wrapped). */
    private static int parsePositive(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
