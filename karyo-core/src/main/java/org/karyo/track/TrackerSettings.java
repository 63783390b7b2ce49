package org.karyo.track;

/**
 * How the {@link Tracker} links nuclei. Costs are negative log-likelihoods: a link over g frames costs
 * {@code d²/(2σ²g)} for a displacement d after the field's drift (σ is measured from the movie as it runs),
 * plus a heavy-tailed penalty for each of the change in ln(area), ln(mean DNA intensity) and shape
 * (elongation and orientation), plus {@code (g-1)·gapCost}; it is made only when cheaper than leaving both
 * ends unlinked ({@code noLinkCost}). The intensity penalty counts {@code intensityWeight} times and at most
 * {@code intensityCap}: brightness tells alike neighbours apart better than the other terms (on simulated movies,
 * weighing it twice removed a sixth of the swaps), while a nucleus entering mitosis, twice as bright, must stay
 * linkable.
 *
 * @param maxDistance        gating radius for a one-frame link, pixels; 0 = automatic (the larger of 2 median
 *                           nucleus diameters and 5 σ of the measured motion); grows with √g over gaps
 * @param maxGap             most frames a nucleus may be missing and still be linked back (gap closing); 0 = off
 * @param noLinkCost         cost of a track ending plus a track starting, the threshold a link must beat
 * @param areaSigma          typical frame-to-frame change of ln(area)
 * @param intensitySigma     typical frame-to-frame change of ln(mean DNA intensity)
 * @param shapeSigma         typical frame-to-frame change of shape ({@link Detection#shapeDistance})
 * @param intensityWeight    how many times the intensity penalty counts
 * @param intensityCap       the most the intensity penalty may cost (after weighting)
 * @param gapCost            extra cost per missed frame, so a direct link wins over a gap of equal distance
 * @param divisions          detect divisions (one nucleus becoming two)
 * @param divisionCost       highest cost at which two nuclei are accepted as the daughters of one
 * @param daughterSeparation expected distance between daughters' centres, in daughter diameters
 * @param divisionSpread     how far the daughters' midpoint may lie from the mother, in nucleus diameters (sd)
 * @param areaDrift          variance of the true frame-to-frame change of ln(area) over that of its measurement
 *                           noise: how a track smooths its area ({@link AppearanceLevel}); ∞ compares with the
 *                           last area only
 * @param intensityDrift     the same for ln(mean DNA intensity)
 * @param divisionSlack      a division may take its second daughter from a neighbouring track when that track's
 *                           cheapest free nucleus costs at most this much more than the daughter, plus what the
 *                           division's own cost leaves below {@code divisionCost}; 0 = never
 * @param divisionChainDepth how many tracks may move on in turn to free a second daughter (1 = only the
 *                           neighbour holding it, which must then find a free nucleus)
 * @param divisionOriginWeight how many times a division counts the cost of daughters that look neither like the
 *                           products of a mitosis (dimmer than the mother) nor like a split of her area (adding up
 *                           to it); 0 = not at all
 * @param brightSideSigma    typical frame-to-frame change of a nucleus's bright side ({@link
 *                           Detection#brightSideDistance}, in nucleus radii), for a heavy-tailed penalty like the
 *                           others; 0 = not used
 * @param reporterSigma      typical frame-to-frame change of ln(mean reporter intensity) (detection channel 1), for a
 *                           heavy-tailed penalty like the others; 0 = not used. In live imaging the reporter tells an
 *                           infected nucleus from its uninfected neighbour when their Hoechst does not, and a swap
 *                           between those two gives each the other's fate
 */
public record TrackerSettings(double maxDistance, int maxGap, double noLinkCost, double areaSigma,
                              double intensitySigma, double shapeSigma, double intensityWeight, double intensityCap,
                              double gapCost, boolean divisions, double divisionCost, double daughterSeparation,
                              double divisionSpread, double areaDrift, double intensityDrift, double divisionSlack,
                              int divisionChainDepth, double divisionOriginWeight, double brightSideSigma,
                              double reporterSigma) {
    /** Drifts measured on simulated movies (increment variance and lag-1 covariance of the truth tracks). */
    public static final TrackerSettings DEFAULTS = new TrackerSettings(0, 2, 24, 0.12, 0.06, 0.12, 2, 10, 2, true, 8,
            1.0, 0.15, 2.24, 0.98, 4, 3, 4, 0.03, 0);

    public TrackerSettings {
        if (!(maxDistance >= 0)) throw new IllegalArgumentException("maxDistance must be >= 0");
        if (maxGap < 0) throw new IllegalArgumentException("maxGap must be >= 0");
        if (!(noLinkCost > 0)) throw new IllegalArgumentException("noLinkCost must be > 0");
        if (!(areaSigma > 0) || !(intensitySigma > 0) || !(shapeSigma > 0)) {
            throw new IllegalArgumentException("sigmas must be > 0");
        }
        if (!(intensityWeight >= 0) || !(intensityCap >= 0)) {
            throw new IllegalArgumentException("intensity weight and cap must be >= 0");
        }
        if (!(gapCost >= 0)) throw new IllegalArgumentException("gapCost must be >= 0");
        if (!(divisionCost > 0)) throw new IllegalArgumentException("divisionCost must be > 0");
        if (!(daughterSeparation > 0)) throw new IllegalArgumentException("daughterSeparation must be > 0");
        if (!(divisionSpread > 0)) throw new IllegalArgumentException("divisionSpread must be > 0");
        if (!(areaDrift > 0) || !(intensityDrift > 0)) throw new IllegalArgumentException("drifts must be > 0");
        if (!(divisionSlack >= 0)) throw new IllegalArgumentException("divisionSlack must be >= 0");
        if (divisionChainDepth < 1) throw new IllegalArgumentException("divisionChainDepth must be >= 1");
        if (!(divisionOriginWeight >= 0)) throw new IllegalArgumentException("divisionOriginWeight must be >= 0");
        if (!(brightSideSigma >= 0)) throw new IllegalArgumentException("brightSideSigma must be >= 0");
        if (!(reporterSigma >= 0)) throw new IllegalArgumentException("reporterSigma must be >= 0");
    }

    public TrackerSettings withMaxGap(int gap) {
        return edit(d -> d.maxGap = gap);
    }

    public TrackerSettings withMaxDistance(double distance) {
        return edit(d -> d.maxDistance = distance);
    }

    public TrackerSettings withDivisions(boolean on) {
        return edit(d -> d.divisions = on);
    }

    public TrackerSettings withNoLinkCost(double c) {
        return edit(d -> d.noLinkCost = c);
    }

    public TrackerSettings withDivisionCost(double c) {
        return edit(d -> d.divisionCost = c);
    }

    public TrackerSettings withSigmas(double area, double intensity, double shape) {
        return edit(d -> {
            d.areaSigma = area;
            d.intensitySigma = intensity;
            d.shapeSigma = shape;
        });
    }

    /** The intensity penalty counted {@code weight} times and capped at {@code cap} ({@code 1, ∞}: plain). */
    public TrackerSettings withIntensityTerm(double weight, double cap) {
        return edit(d -> {
            d.intensityWeight = weight;
            d.intensityCap = cap;
        });
    }

    /** How tracks smooth area and brightness ({@code ∞, ∞}: compare with the last values, as before). */
    public TrackerSettings withDrifts(double area, double intensity) {
        return edit(d -> {
            d.areaDrift = area;
            d.intensityDrift = intensity;
        });
    }

    public TrackerSettings withDivisionSlack(double slack) {
        return edit(d -> d.divisionSlack = slack);
    }

    public TrackerSettings withDivisionChainDepth(int depth) {
        return edit(d -> d.divisionChainDepth = depth);
    }

    public TrackerSettings withDivisionOriginWeight(double weight) {
        return edit(d -> d.divisionOriginWeight = weight);
    }

    /** The bright-side penalty's scale; 0 turns it off. */
    public TrackerSettings withBrightSideSigma(double sigma) {
        return edit(d -> d.brightSideSigma = sigma);
    }

    /** The reporter penalty's scale; 0 turns it off. */
    public TrackerSettings withReporterSigma(double sigma) {
        return edit(d -> d.reporterSigma = sigma);
    }

    /** A copy with some components changed: the one place that lists every component, so withers stay one line. */
    private TrackerSettings edit(java.util.function.Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return d.build();
    }

    /** The components as mutable fields, for {@link #edit}; the record's constructor still checks the result. */
    private static final class Draft {
        double maxDistance;
        int maxGap;
        double noLinkCost;
        double areaSigma;
        double intensitySigma;
        double shapeSigma;
        double intensityWeight;
        double intensityCap;
        double gapCost;
        boolean divisions;
        double divisionCost;
        double daughterSeparation;
        double divisionSpread;
        double areaDrift;
        double intensityDrift;
        double divisionSlack;
        int divisionChainDepth;
        double divisionOriginWeight;
        double brightSideSigma;
        double reporterSigma;

        Draft(TrackerSettings s) {
            maxDistance = s.maxDistance;
            maxGap = s.maxGap;
            noLinkCost = s.noLinkCost;
            areaSigma = s.areaSigma;
            intensitySigma = s.intensitySigma;
            shapeSigma = s.shapeSigma;
            intensityWeight = s.intensityWeight;
            intensityCap = s.intensityCap;
            gapCost = s.gapCost;
            divisions = s.divisions;
            divisionCost = s.divisionCost;
            daughterSeparation = s.daughterSeparation;
            divisionSpread = s.divisionSpread;
            areaDrift = s.areaDrift;
            intensityDrift = s.intensityDrift;
            divisionSlack = s.divisionSlack;
            divisionChainDepth = s.divisionChainDepth;
            divisionOriginWeight = s.divisionOriginWeight;
            brightSideSigma = s.brightSideSigma;
            reporterSigma = s.reporterSigma;
        }

        TrackerSettings build() {
            return new TrackerSettings(maxDistance, maxGap, noLinkCost, areaSigma, intensitySigma, shapeSigma,
                    intensityWeight, intensityCap, gapCost, divisions, divisionCost, daughterSeparation, divisionSpread,
                    areaDrift, intensityDrift, divisionSlack, divisionChainDepth, divisionOriginWeight, brightSideSigma,
                    reporterSigma);
        }
    }
}
