package org.karyo.learn.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saves and restores DJL's Adam state (first and second moments and update counts per parameter),
 * so a resumed run continues the very same optimisation. DJL keeps that state private and keyed by
 * each parameter's random id, so it is reached by reflection (DJL is pinned; the resume test fails
 * if a DJL upgrade moves it) and stored by parameter position, which is stable for one network.
 */
final class AdamState {
    private AdamState() {
    }

    static void write(DataOutputStream out, Optimizer adam, List<Parameter> params) throws IOException {
        Map<String, Map<Device, NDArray>> means = field(Adam.class, adam, "means");
        Map<String, Map<Device, NDArray>> variances = field(Adam.class, adam, "variances");
        Map<String, Integer> counts = field(Optimizer.class, adam, "updateCounts");
        out.writeInt(intField(adam, "numUpdate"));
        out.writeInt(params.size());
        for (Parameter p : params) {
            Integer count = counts.get(p.getId());
            Map<Device, NDArray> m = means.get(p.getId());
            Map<Device, NDArray> v = variances.get(p.getId());
            boolean has = count != null && m != null && v != null && !m.isEmpty() && !v.isEmpty();
            out.writeBoolean(has);
            if (has) {
                out.writeInt(count);
                bytes(out, m.values().iterator().next().encode());
                bytes(out, v.values().iterator().next().encode());
            }
        }
    }

    static void read(DataInputStream in, Optimizer adam, List<Parameter> params, NDManager manager) throws IOException {
        Map<String, Map<Device, NDArray>> means = field(Adam.class, adam, "means");
        Map<String, Map<Device, NDArray>> variances = field(Adam.class, adam, "variances");
        Map<String, Integer> counts = field(Optimizer.class, adam, "updateCounts");
        int numUpdate = in.readInt();
        int n = in.readInt();
        if (n != params.size()) {
            throw new IOException("optimiser state for " + n + " parameters, network has " + params.size());
        }
        for (Parameter p : params) {
            if (!in.readBoolean()) {
                continue;
            }
            counts.put(p.getId(), in.readInt());
            Device device = p.getArray().getDevice();
            means.put(p.getId(), new ConcurrentHashMap<>(Map.of(device, decode(manager, in))));
            variances.put(p.getId(), new ConcurrentHashMap<>(Map.of(device, decode(manager, in))));
        }
        setIntField(adam, "numUpdate", numUpdate);
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static NDArray decode(NDManager manager, DataInputStream in) throws IOException {
        byte[] b = in.readNBytes(in.readInt());
        return manager.decode(b);
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(Class<?> owner, Object target, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return (T) f.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach DJL's optimiser state '" + name + "' (DJL changed?)", e);
        }
    }

    private static int intField(Object target, String name) {
        return (Integer) field(Optimizer.class, target, name);
    }

    private static void setIntField(Object target, String name, int value) {
        try {
            Field f = Optimizer.class.getDeclaredField(name);
            f.setAccessible(true);
            f.setInt(target, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach DJL's optimiser state '" + name + "' (DJL changed?)", e);
        }
    }
}
