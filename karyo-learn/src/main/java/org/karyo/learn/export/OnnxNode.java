package org.karyo.learn.export;

import java.util.List;

/** One operator of the graph, with the names of the tensors it reads and writes. */
record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs, List<OnnxAttribute> attributes) {
    OnnxNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = List.copyOf(attributes);
    }
}
