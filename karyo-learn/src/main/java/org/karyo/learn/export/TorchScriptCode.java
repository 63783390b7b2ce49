package org.karyo.learn.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The TorchScript source of one module computing an inference graph: each ONNX node becomes the ATen
 * call PyTorch itself runs for that layer (torch.conv2d, torch.batch_norm in eval mode, ...), each
 * constant a module attribute. TorchScript code is what {@code torch.jit.save} stores and
 * {@code torch.jit.load} compiles, so the file needs no Python to write and no Karyo to run.
 *
 * <p>Attribute names are the constants' DJL parameter paths with a prefix (TorchScript names cannot
 * start with a digit), so {@code self.p_02SequentialBlock_01Conv2d_weight} is that DJL parameter.
 */
final class TorchScriptCode {
    static final String CLASS_NAME = "KaryoNet";

    /** A tensor attribute of the module; {@code buffer} for running statistics, else a parameter. */
    record Attribute(String name, OnnxInitializer tensor, boolean buffer) {
    }

    private final Map<String, String> attributeOf = new LinkedHashMap<>();
    private final Map<String, String> variableOf = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private final List<Attribute> attributes = new ArrayList<>();
    private final StringBuilder body = new StringBuilder();
    private String inputVariable;
    private int outputCount;

    private TorchScriptCode() {
    }

    /** The module for {@code graph}, whose input is {@code input} and outputs are {@code outputs}, in order. */
    static TorchScriptCode of(OnnxGraph graph, String input, List<String> outputs) {
        TorchScriptCode c = new TorchScriptCode();
        Set<String> buffers = new HashSet<>();
        for (OnnxNode n : graph.nodes()) {
            if (n.opType().equals("BatchNormalization")) {
                buffers.add(n.inputs().get(3));
                buffers.add(n.inputs().get(4));
            }
        }
        for (OnnxInitializer t : graph.initializers()) {
            String name = c.unique("p_" + identifier(t.name()));
            c.attributeOf.put(t.name(), name);
            c.attributes.add(new Attribute(name, t, buffers.contains(t.name())));
        }
        c.inputVariable = c.unique("input");
        c.variableOf.put(input, c.inputVariable);
        c.outputCount = outputs.size();
        for (String o : outputs) {
            c.variableOf.put(o, c.unique(identifier(o)));
        }
        int next = 0;
        for (OnnxNode n : graph.nodes()) {
            String out = n.outputs().get(0);
            if (!c.variableOf.containsKey(out)) {
                c.variableOf.put(out, c.unique("x" + next++));
            }
            c.body.append("    ").append(c.variableOf.get(out)).append(" = ").append(c.call(n)).append('\n');
        }
        c.body.append("    return (").append(outputs.stream().map(c::ref).collect(Collectors.joining(", ")))
                .append(")\n");
        return c;
    }

    List<Attribute> attributes() {
        return List.copyOf(attributes);
    }

    /** The file {@code code/__torch__.py} of the archive. */
    String source() {
        int outputs = outputCount;
        StringBuilder s = new StringBuilder("class ").append(CLASS_NAME).append("(Module):\n");
        s.append("  __parameters__ = [").append(names(false)).append("]\n");
        s.append("  __buffers__ = [").append(names(true)).append("]\n");
        for (Attribute a : attributes) {
            s.append("  ").append(a.name()).append(" : Tensor\n");
        }
        s.append("  training : bool\n");
        String result = outputs == 1 ? "Tensor" : "Tuple[" + String.join(", ", Collections.nCopies(outputs, "Tensor")) + "]";
        s.append("  def forward(self: __torch__.").append(CLASS_NAME).append(",\n    ").append(inputVariable)
                .append(": Tensor) -> ").append(result).append(":\n");
        return s.append(body).toString();
    }

    private String names(boolean buffers) {
        return attributes.stream().filter(a -> a.buffer() == buffers).map(a -> "\"" + a.name() + "\", ")
                .collect(Collectors.joining());
    }

    private String call(OnnxNode n) {
        List<String> in = n.inputs();
        return switch (n.opType()) {
            case "Conv" -> {
                long[] pads = ints(n, "pads");
                yield "torch.conv2d(" + ref(in.get(0)) + ", " + ref(in.get(1)) + ", "
                        + (in.size() > 2 ? ref(in.get(2)) : "None") + ", " + list(ints(n, "strides")) + ", "
                        + list(pads[0], pads[1]) + ", " + list(ints(n, "dilations")) + ", " + integer(n, "group") + ")";
            }
            // eval mode: normalise with the running statistics; momentum is unused then.
            case "BatchNormalization" -> "torch.batch_norm(" + ref(in.get(0)) + ", " + ref(in.get(1)) + ", "
                    + ref(in.get(2)) + ", " + ref(in.get(3)) + ", " + ref(in.get(4)) + ", False, 0.10000000000000001, "
                    + real(attribute(n, "epsilon").f()) + ", True)";
            case "Relu" -> "torch.relu(" + ref(in.get(0)) + ")";
            case "MaxPool" -> {
                long[] pads = ints(n, "pads");
                yield "torch.max_pool2d(" + ref(in.get(0)) + ", " + list(ints(n, "kernel_shape")) + ", "
                        + list(ints(n, "strides")) + ", " + list(pads[0], pads[1]) + ", [1, 1], False)";
            }
            case "GlobalAveragePool" -> "torch.adaptive_avg_pool2d(" + ref(in.get(0)) + ", [1, 1])";
            case "Flatten" -> "torch.flatten(" + ref(in.get(0)) + ", " + integer(n, "axis") + ")";
            case "Gemm" -> {
                if (integer(n, "transB") != 1) {
                    throw new UnsupportedBlockException(n.name(), "a dense layer without a transposed weight");
                }
                yield "torch.linear(" + ref(in.get(0)) + ", " + ref(in.get(1)) + ", "
                        + (in.size() > 2 ? ref(in.get(2)) : "None") + ")";
            }
            case "Add" -> "torch.add(" + ref(in.get(0)) + ", " + ref(in.get(1)) + ")";
            case "Softmax" -> "torch.softmax(" + ref(in.get(0)) + ", " + integer(n, "axis") + ")";
            default -> throw new UnsupportedBlockException(n.name(), "no TorchScript for ONNX operator " + n.opType());
        };
    }

    private String ref(String tensor) {
        String attribute = attributeOf.get(tensor);
        if (attribute != null) {
            return "self." + attribute;
        }
        String v = variableOf.get(tensor);
        if (v == null) {
            throw new IllegalStateException("tensor " + tensor + " is read before it is computed");
        }
        return v;
    }

    private String unique(String base) {
        String name = base;
        for (int i = 1; !used.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    private static OnnxAttribute attribute(OnnxNode n, String name) {
        return n.attributes().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnsupportedBlockException(n.name(), n.opType() + " without '" + name + "'"));
    }

    private static long[] ints(OnnxNode n, String name) {
        return attribute(n, name).ints();
    }

    private static long integer(OnnxNode n, String name) {
        return attribute(n, name).i();
    }

    private static String list(long... values) {
        return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A float as a Python literal that reads back as the same float32. */
    private static String real(float f) {
        return Double.toString(f).toLowerCase(Locale.ROOT);
    }

    private static String identifier(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
