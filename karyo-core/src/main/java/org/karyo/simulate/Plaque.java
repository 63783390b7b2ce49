package org.karyo.simulate;

/**
 * A plaque: the patch of infected and lysed cells grown from one lysed founder cell.
 *
 * @param id        plaque number (>= 1), written to the ground truth of its cells
 * @param x         founder position, pixels
 * @param y         founder position, pixels
 * @param radiusPx  radius of the round part (HSV-1) or comet head (AdV), pixels
 * @param virus     ADV gives a comet stretched downstream; HSV a round plaque
 * @param flowAngle direction of medium flow (radians), which carries AdV particles downstream
 */
public record Plaque(int id, double x, double y, double radiusPx, Virus virus, double flowAngle) {
    /** Comet tail length in head radii. */
    static final double TAIL = 3.0;

    public Plaque {
        if (id < 1) throw new IllegalArgumentException("plaque id must be >= 1: " + id);
        OpticsSettings.requirePositive("radiusPx", radiusPx);
        if (virus == null) throw new IllegalArgumentException("virus is required");
    }

    /**
     * Normalized distance of a point from the plaque: 0 at the founder, 1 at the plaque edge. For AdV the
     * downstream side is stretched into a tail that narrows with distance, a comet.
     */
    public double distance(double px, double py) {
        double dx = px - x;
        double dy = py - y;
        if (virus == Virus.HSV) return Math.sqrt(dx * dx + dy * dy) / radiusPx;
        double c = Math.cos(flowAngle);
        double s = Math.sin(flowAngle);
        double along = dx * c + dy * s;
        double across = -dx * s + dy * c;
        if (along <= 0) return Math.sqrt(along * along + across * across) / radiusPx;
        double t = along / (TAIL * radiusPx);
        double width = radiusPx * Math.max(0.15, 1 - 0.75 * Math.min(1, t));
        return Math.sqrt(t * t + (across / width) * (across / width));
    }

    /** Largest distance of a plaque pixel from the founder, for bounding boxes. */
    public double reachPx() {
        return virus == Virus.HSV ? radiusPx : radiusPx * TAIL;
    }
}
