package org.karyo.simulate;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from one user seed and a path of keys (cell, frame, row...).
 * Every random decision draws from the stream of the thing it concerns, so the output depends only on
 * the seed, never on iteration order or thread count.
 */
public final class Seeds {
    private Seeds() {
    }

    /** SplitMix64 finaliser: a bijective scrambler, so distinct key paths give unrelated streams. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit seed for the stream at {@code seed / keys[0] / keys[1] ...}. */
    public static long derive(long seed, long... keys) {
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        for (long k : keys) {
            h = mix(h ^ mix(k * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    public static SplittableRandom random(long seed, long... keys) {
        return new SplittableRandom(derive(seed, keys));
    }

    /** Log-normal multiplier with median 1 and the given coefficient of variation. */
    static double logNormal(SplittableRandom r, double cv) {
        if (cv <= 0) return 1;
        double s = Math.sqrt(Math.log(1 + cv * cv));
        return Math.exp(s * r.nextGaussian() - 0.5 * s * s);
    }

    /** Poisson draw; exact for small means, normal approximation where it is indistinguishable. */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) return 0;
        if (mean > 30) {
            long v = Math.round(mean + Math.sqrt(mean) * r.nextGaussian());
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, v));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = r.nextDouble();
        while (p > l) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }
}
