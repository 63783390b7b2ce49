package org.karyo.learn.torch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.karyo.KaryoInputException;

/**
 * Reads the tensors of a file written by {@code torch.save(model.state_dict(), f)} (PyTorch >= 1.6's zip
 * format), e.g. torchvision's ImageNet weights, without Python: the zip's {@code data.pkl} names each
 * tensor and points at its raw storage {@code data/<key>}. Only data is read; the pickle's code
 * references stay names. Checkpoints that wrap the state dict ({@code {"state_dict": ...}} or
 * {@code {"model": ...}}) are unwrapped, and a DataParallel {@code module.} prefix is dropped.
 */
public final class TorchCheckpoint {
    private TorchCheckpoint() {
    }

    /** A file that starts like a zip archive (what torch.save writes since 1.6). */
    public static boolean looksLikeOne(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** The state dict's tensors by name, in the file's order. */
    public static Map<String, TorchTensor> read(Path file) throws KaryoInputException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String prefix = null;
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length()) {
                    prefix = name.substring(0, name.length() - "data.pkl".length());
                    break;
                }
            }
            if (prefix == null) {
                throw new KaryoInputException(file, "is a zip but not a PyTorch checkpoint (no <name>/data.pkl)");
            }
            ByteOrder order = ByteOrder.LITTLE_ENDIAN;
            ZipEntry byteorder = zip.getEntry(prefix + "byteorder");
            if (byteorder != null && new String(zip.getInputStream(byteorder).readAllBytes(), StandardCharsets.US_ASCII)
                    .trim().equals("big")) {
                order = ByteOrder.BIG_ENDIAN;
            }
            Storages storages = new Storages(zip, prefix, order);
            byte[] pickle = zip.getInputStream(zip.getEntry(prefix + "data.pkl")).readAllBytes();
            Object root = new PickleReader(pickle, storages::reference, TorchCheckpoint::reduce).read();
            return stateDict(file, root, storages);
        } catch (java.util.zip.ZipException e) {
            throw new KaryoInputException(file, "is not a readable zip archive (" + e.getMessage() + "); PyTorch "
                    + "checkpoints from torch.save since 1.6 are zips; re-save an older one with torch.save(sd, f)", e);
        } catch (IOException e) {
            throw new KaryoInputException(file, "cannot read the PyTorch checkpoint: " + e.getMessage(), e);
        }
    }

    /** A tensor built by {@code _rebuild_tensor_v2} before its storage is read. */
    private record TensorRef(StorageRef storage, long offset, long[] shape, long[] stride) {
    }

    private record StorageRef(String type, String key, long count) {
    }

    private static Object reduce(Object callable, List<Object> args) throws IOException {
        if (!(callable instanceof PickleReader.Global g)) {
            return null;
        }
        if (g.is("torch._utils", "_rebuild_tensor_v2") || g.is("torch._utils", "_rebuild_tensor")) {
            if (!(args.get(0) instanceof StorageRef s)) {
                throw new IOException("tensor without a storage: " + args.get(0));
            }
            return new TensorRef(s, (Long) args.get(1), longs(args.get(2)), longs(args.get(3)));
        }
        if (g.is("torch._utils", "_rebuild_parameter") || g.is("torch._utils", "_rebuild_parameter_with_state")) {
            return args.get(0); // an nn.Parameter is its data
        }
        if (g.is("collections", "OrderedDict")) {
            return new LinkedHashMap<>();
        }
        return null;
    }

    private static long[] longs(Object tuple) {
        List<?> l = (List<?>) tuple;
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Long) l.get(i);
        }
        return out;
    }

    private static Map<String, TorchTensor> stateDict(Path file, Object root, Storages storages)
            throws IOException, KaryoInputException {
        if (!(root instanceof Map<?, ?> map)) {
            throw new KaryoInputException(file, "holds " + describe(root) + ", not a state dict; save "
                    + "model.state_dict() rather than the model object");
        }
        for (String wrapper : List.of("state_dict", "model")) {
            if (map.get(wrapper) instanceof Map<?, ?> inner && !(map.values().iterator().next() instanceof TensorRef)) {
                map = inner;
                break;
            }
        }
        Map<String, TorchTensor> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof TensorRef t)) {
                continue; // not a tensor entry (e.g. an epoch counter beside the weights)
            }
            out.put(name.startsWith("module.") ? name.substring("module.".length()) : name, storages.tensor(t));
        }
        if (out.isEmpty()) {
            throw new KaryoInputException(file, "holds no tensors");
        }
        return out;
    }

    private static String describe(Object o) {
        if (o instanceof PickleReader.Call c && c.callable() instanceof PickleReader.Global g) {
            return "an object of " + g.module() + "." + g.name();
        }
        return o == null ? "nothing" : o.getClass().getSimpleName();
    }

    /** The raw storages of the archive, read on demand. */
    private static final class Storages {
        private final ZipFile zip;
        private final String prefix;
        private final ByteOrder order;
        private final Map<String, ByteBuffer> read = new LinkedHashMap<>();

        Storages(ZipFile zip, String prefix, ByteOrder order) {
            this.zip = zip;
            this.prefix = prefix;
            this.order = order;
        }

        /** persistent_load: ('storage', storage type, key, location, element count). */
        Object reference(List<Object> id) {
            if (id.size() < 5 || !"storage".equals(id.get(0)) || !(id.get(1) instanceof PickleReader.Global type)) {
                throw new IllegalArgumentException("unknown persistent id " + id);
            }
            return new StorageRef(type.name(), String.valueOf(id.get(2)), (Long) id.get(4));
        }

        TorchTensor tensor(TensorRef t) throws IOException {
            ByteBuffer data = read.get(t.storage().key());
            if (data == null) {
                ZipEntry e = zip.getEntry(prefix + "data/" + t.storage().key());
                if (e == null) {
                    throw new IOException("storage data/" + t.storage().key() + " is missing");
                }
                data = ByteBuffer.wrap(zip.getInputStream(e).readAllBytes()).order(order);
                read.put(t.storage().key(), data);
            }
            long n = 1;
            for (long d : t.shape()) {
                n *= d;
            }
            Element element = Element.of(t.storage().type());
            if (element == null) {
                return new TorchTensor(t.shape(), null);
            }
            float[] values = new float[Math.toIntExact(n)];
            int[] index = new int[t.shape().length];
            for (int i = 0; i < values.length; i++) {
                long at = t.offset();
                for (int d = 0; d < index.length; d++) {
                    at += index[d] * t.stride()[d];
                }
                if ((at + 1) * element.bytes > data.capacity()) {
                    throw new IOException("tensor reads past its storage data/" + t.storage().key());
                }
                values[i] = element.get(data, Math.toIntExact(at * element.bytes));
                for (int d = index.length - 1; d >= 0 && ++index[d] == t.shape()[d]; d--) {
                    index[d] = 0;
                }
            }
            return new TorchTensor(t.shape(), values);
        }
    }

    /** Floating-point storage types; integer storages give tensors without values. */
    private enum Element {
        FLOAT(4), DOUBLE(8), HALF(2), BFLOAT16(2);

        final int bytes;

        Element(int bytes) {
            this.bytes = bytes;
        }

        static Element of(String storageType) {
            return switch (storageType) {
                case "FloatStorage" -> FLOAT;
                case "DoubleStorage" -> DOUBLE;
                case "HalfStorage" -> HALF;
                case "BFloat16Storage" -> BFLOAT16;
                default -> null;
            };
        }

        float get(ByteBuffer b, int at) {
            return switch (this) {
                case FLOAT -> b.getFloat(at);
                case DOUBLE -> (float) b.getDouble(at);
                case HALF -> half(b.getShort(at));
                case BFLOAT16 -> Float.intBitsToFloat((b.getShort(at) & 0xffff) << 16);
            };
        }

        /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
        private static float half(short h) {
            int sign = (h & 0x8000) << 16;
            int exponent = (h >>> 10) & 0x1f;
            int mantissa = h & 0x3ff;
            if (exponent == 0x1f) {
                return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13); // inf, NaN
            }
            if (exponent == 0) {
                float subnormal = mantissa * 0x1p-24f;
                return sign == 0 ? subnormal : -subnormal;
            }
            return Float.intBitsToFloat(sign | (exponent + 112) << 23 | mantissa << 13);
        }
    }
}
