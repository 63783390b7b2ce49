package org.karyo.learn.export;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link OnnxGraph} as an ONNX ModelProto. The field numbers are those of onnx/onnx.proto
 * (stable since IR version 3; ONNX never renumbers fields).
 */
final class OnnxModelEncoder {
    /** ONNX 1.12's IR version; 1.12 is the release that introduced opset 17. */
    static final long IR_VERSION = 8;
    static final long OPSET = 17;
    /** Name of the symbolic batch dimension of the graph's input and outputs. */
    static final String BATCH = "N";
    /** Names of further free dimensions, in order. */
    private static final String[] FREE_DIMS = {"H", "W", "D"};

    // TensorProto.DataType FLOAT and AttributeProto.AttributeType values.
    private static final int FLOAT = 1;
    private static final int ATTRIBUTE_FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_INTS = 7;

    private OnnxModelEncoder() {
    }

    /**
     * A graph input or output: float32 of shape (N, dims...) with N left to the caller, and any dim given
     * as -1 also left free (named H, W, ... in order: an image network takes any size).
     *
     * @param doc shown by model viewers
     */
    record Value(String name, long[] dims, String doc) {
    }

    /** Writes the whole model; top-level fields go straight to {@code out}, the graph is built in memory. */
    static void write(OutputStream out, String graphName, OnnxGraph graph, List<Value> inputs, List<Value> outputs,
                      Map<String, String> metadata, String producerVersion) throws IOException {
        CodedOutputStream model = CodedOutputStream.newInstance(out);
        model.writeInt64(1, IR_VERSION); // ModelProto.ir_version
        model.writeString(2, "karyo"); // producer_name
        model.writeString(3, producerVersion); // producer_version
        model.writeByteArray(8, new ProtoMessage().string(1, "").int64(2, OPSET).toByteArray()); // opset_import
        for (Map.Entry<String, String> e : metadata.entrySet()) { // metadata_props: StringStringEntryProto
            model.writeByteArray(14, new ProtoMessage().string(1, e.getKey()).string(2, e.getValue()).toByteArray());
        }
        model.writeByteArray(7, graph(graphName, graph, inputs, outputs)); // graph
        model.flush();
    }

    private static byte[] graph(String name, OnnxGraph graph, List<Value> inputs, List<Value> outputs) {
        ProtoMessage g = new ProtoMessage();
        for (OnnxNode n : graph.nodes()) {
            g.message(1, node(n)); // GraphProto.node
        }
        g.string(2, name); // name
        for (OnnxInitializer t : graph.initializers()) {
            g.message(5, tensor(t)); // initializer
        }
        for (Value v : inputs) {
            g.message(11, value(v)); // input
        }
        for (Value v : outputs) {
            g.message(12, value(v)); // output
        }
        return g.toByteArray();
    }

    private static ProtoMessage node(OnnxNode n) {
        ProtoMessage m = new ProtoMessage();
        n.inputs().forEach(i -> m.string(1, i)); // NodeProto.input
        n.outputs().forEach(o -> m.string(2, o)); // output
        m.string(3, n.name()).string(4, n.opType()); // name, op_type
        n.attributes().forEach(a -> m.message(5, attribute(a))); // attribute
        return m;
    }

    private static ProtoMessage attribute(OnnxAttribute a) {
        ProtoMessage m = new ProtoMessage().string(1, a.name()); // AttributeProto.name
        switch (a.kind()) {
            case INT -> m.int32(20, ATTRIBUTE_INT).int64(3, a.i()); // type, i
            case FLOAT -> m.int32(20, ATTRIBUTE_FLOAT).float32(2, a.f()); // type, f
            case INTS -> {
                m.int32(20, ATTRIBUTE_INTS); // type
                for (long v : a.ints()) {
                    m.int64(8, v); // ints
                }
            }
        }
        return m;
    }

    private static ProtoMessage tensor(OnnxInitializer t) {
        ProtoMessage m = new ProtoMessage();
        for (long d : t.dims()) {
            m.int64(1, d); // TensorProto.dims
        }
        m.int32(2, FLOAT).string(8, t.name()); // data_type, name
        // raw_data: fixed-width little-endian IEEE 754, as onnx.proto requires.
        ByteBuffer raw = ByteBuffer.allocate(t.values().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(t.values());
        return m.bytes(9, raw.array());
    }

    private static ProtoMessage value(Value v) {
        ProtoMessage shape = new ProtoMessage().message(1, new ProtoMessage().string(2, BATCH)); // dim { dim_param }
        int free = 0;
        for (long d : v.dims()) {
            shape.message(1, d >= 0 ? new ProtoMessage().int64(1, d) // dim { dim_value }
                    : new ProtoMessage().string(2, FREE_DIMS[free++])); // dim { dim_param }
        }
        ProtoMessage tensorType = new ProtoMessage().int32(1, FLOAT).message(2, shape); // elem_type, shape
        ProtoMessage type = new ProtoMessage().message(1, tensorType); // TypeProto.tensor_type
        return new ProtoMessage().string(1, v.name()).message(2, type).string(3, v.doc()); // ValueInfoProto
    }
}
