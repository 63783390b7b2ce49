package org.karyo.learn.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An ONNX graph under construction: nodes in execution order and the constants they read. Each node
 * has one output named after the node, and node names are DJL block paths, so names are unique and a
 * node can be traced back to the block it came from.
 */
final class OnnxGraph {
    private final List<OnnxNode> nodes = new ArrayList<>();
    private final List<OnnxInitializer> initializers = new ArrayList<>();

    /** Adds a node and returns the name of its output. */
    String node(String name, String opType, List<String> inputs, OnnxAttribute... attributes) {
        nodes.add(new OnnxNode(name, opType, inputs, List.of(name), Arrays.asList(attributes)));
        return name;
    }

    /** Adds a constant and returns its name. */
    String constant(String name, long[] dims, float[] values) {
        initializers.add(new OnnxInitializer(name, dims, values));
        return name;
    }

    /** Gives a tensor a new name everywhere it appears (to name the graph's outputs). */
    void rename(String from, String to) {
        for (int i = 0; i < nodes.size(); i++) {
            OnnxNode n = nodes.get(i);
            nodes.set(i, new OnnxNode(n.name(), n.opType(), swap(n.inputs(), from, to), swap(n.outputs(), from, to),
                    n.attributes()));
        }
    }

    List<OnnxNode> nodes() {
        return List.copyOf(nodes);
    }

    List<OnnxInitializer> initializers() {
        return List.copyOf(initializers);
    }

    private static List<String> swap(List<String> names, String from, String to) {
        return names.stream().map(n -> n.equals(from) ? to : n).toList();
    }
}
