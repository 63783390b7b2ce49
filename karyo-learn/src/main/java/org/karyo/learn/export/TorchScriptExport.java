package org.karyo.learn.export;

import ai.djl.nn.Block;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.karyo.learn.bundle.ModelBundle;
import org.karyo.learn.files.AtomicOutput;
import org.karyo.learn.train.Classifier;

/**
 * Writes a Karyo network as a TorchScript archive, the file {@code torch.jit.load} (Python) and
 * {@code torch::jit::load} (C++, DJL) read: a zip holding the module's TorchScript source, its
 * attributes as a pickle whose tensors point at raw little-endian storages beside it, and the file
 * format version. Nothing is traced or compiled here; PyTorch compiles the source when it loads.
 *
 * <p>{@code forward(input)} takes what the ONNX export takes (float32 (N, C, S, S) after Karyo's
 * normalisation) and returns the tuple {@code (logits, probabilities)}, columns in the order of the
 * metadata's {@code karyo.classes}. The metadata (the same JSON values as the ONNX file's) is the
 * archive's extra file {@value #METADATA_FILE}: {@code torch.jit.load(f, _extra_files={"karyo.json": ""})}.
 */
public final class TorchScriptExport {
    public static final String METADATA_FILE = "karyo.json";
    /** {@code karyo.format} of a TorchScript export. */
    public static final String FORMAT = "karyo-torchscript/1";
    /** The oldest archive version that holds everything written here; PyTorch 1.x and 2.x load it. */
    static final String FILE_FORMAT_VERSION = "3";
    /** Where the archive's entries live; PyTorch takes the folder of the first entry, whatever its name. */
    private static final String ROOT = "karyo/";
    /** PyTorch aligns tensor data to 64 bytes so that it can be memory-mapped; done the same way. */
    private static final int ALIGNMENT = 64;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

    private TorchScriptExport() {
    }

    /** A model bundle, with {@link ExportMetadata#of(ModelBundle)}; replaces {@code target}. */
    public static void write(ModelBundle bundle, Path target) throws IOException {
        write(bundle.classifier().block(), ExportMetadata.of(bundle), target);
    }

    /** A classifier, with {@link ExportMetadata#of(Classifier)}; replaces {@code target}. */
    public static void write(Classifier classifier, Path target) throws IOException {
        write(classifier.block(), ExportMetadata.of(classifier), target);
    }

    /** Any initialised block; refuses, before anything is written, a block it does not know. */
    public static void write(Block block, Map<String, String> metadata, Path target) throws IOException {
        Map<String, String> described = new java.util.LinkedHashMap<>(metadata);
        if (described.containsKey(ExportMetadata.FORMAT)) {
            described.put(ExportMetadata.FORMAT, FORMAT); // the shared description carries the ONNX tag
        }
        TorchScriptCode code = TorchScriptCode.of(OnnxExport.inferenceGraph(block), OnnxExport.INPUT,
                List.of(OnnxExport.LOGITS, OnnxExport.PROBABILITIES));
        AtomicOutput.write(target, out -> archive(out, code, described));
    }

    private static void archive(OutputStream target, TorchScriptCode code, Map<String, String> metadata)
            throws IOException {
        CountingOutputStream counted = new CountingOutputStream(target);
        ZipOutputStream zip = new ZipOutputStream(counted);
        List<TorchScriptCode.Attribute> attributes = code.attributes();
        entry(zip, counted, "data.pkl", state(attributes));
        entry(zip, counted, "code/__torch__.py", code.source().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < attributes.size(); i++) {
            entry(zip, counted, "data/" + i, littleEndian(attributes.get(i).tensor().values()));
        }
        entry(zip, counted, "constants.pkl", new PickleWriter().emptyTuple().finish());
        entry(zip, counted, "extra/" + METADATA_FILE, GSON.toJson(metadata).getBytes(StandardCharsets.UTF_8));
        entry(zip, counted, "version", (FILE_FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
        zip.finish();
    }

    /** The module object: its class, then its attributes, each tensor a persistent id of storage i. */
    private static byte[] state(List<TorchScriptCode.Attribute> attributes) {
        PickleWriter p = new PickleWriter().global("__torch__", TorchScriptCode.CLASS_NAME).emptyTuple().newObject()
                .emptyDict().mark();
        for (int i = 0; i < attributes.size(); i++) {
            TorchScriptCode.Attribute a = attributes.get(i);
            p.string(a.name());
            tensor(p, i, a.tensor().dims(), a.tensor().values().length, !a.buffer());
        }
        p.string("training").bool(false);
        return p.setItems().build().finish();
    }

    /** torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks): contiguous float32. */
    private static void tensor(PickleWriter p, int storage, long[] dims, long numel, boolean requiresGrad) {
        p.global("torch._utils", "_rebuild_tensor_v2").mark();
        p.mark().string("storage").global("torch", "FloatStorage").string(Integer.toString(storage)).string("cpu")
                .integer(numel).tuple().persistentId();
        p.integer(0);
        tuple(p, dims);
        tuple(p, strides(dims));
        p.bool(requiresGrad);
        p.global("collections", "OrderedDict").emptyTuple().reduce();
        p.tuple().reduce();
    }

    private static void tuple(PickleWriter p, long[] values) {
        if (values.length == 0) {
            p.emptyTuple();
            return;
        }
        p.mark();
        for (long v : values) {
            p.integer(v);
        }
        p.tuple();
    }

    private static long[] strides(long[] dims) {
        long[] s = new long[dims.length];
        long step = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = step;
            step *= dims[i];
        }
        return s;
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    /** A stored (uncompressed) entry whose data starts on a multiple of {@link #ALIGNMENT} bytes. */
    private static void entry(ZipOutputStream zip, CountingOutputStream counted, String name, byte[] data)
            throws IOException {
        String full = ROOT + name;
        ZipEntry e = new ZipEntry(full);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        e.setTime(315_532_800_000L + 86_400_000L); // fixed (2 Jan 1980): the same model gives the same bytes
        // Local header: 30 bytes, the name, then the extra field: id "FB", its length, padding.
        long dataStart = counted.count() + 30 + full.getBytes(StandardCharsets.UTF_8).length + 4;
        int pad = (int) ((ALIGNMENT - dataStart % ALIGNMENT) % ALIGNMENT);
        byte[] extra = new byte[4 + pad];
        extra[0] = 'F';
        extra[1] = 'B';
        extra[2] = (byte) (pad & 0xff);
        extra[3] = (byte) (pad >>> 8);
        e.setExtra(extra);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
    }
}
