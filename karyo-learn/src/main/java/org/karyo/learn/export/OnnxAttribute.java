package org.karyo.learn.export;

/**
 * A node attribute: one integer, one float or a list of integers (all that Karyo's layers need).
 *
 * @param ints null unless the attribute is a list
 */
record OnnxAttribute(String name, Kind kind, long i, float f, long[] ints) {
    enum Kind { INT, FLOAT, INTS }

    static OnnxAttribute of(String name, long value) {
        return new OnnxAttribute(name, Kind.INT, value, 0f, null);
    }

    static OnnxAttribute of(String name, float value) {
        return new OnnxAttribute(name, Kind.FLOAT, 0, value, null);
    }

    static OnnxAttribute of(String name, long... values) {
        return new OnnxAttribute(name, Kind.INTS, 0, 0f, values.clone());
    }
}
