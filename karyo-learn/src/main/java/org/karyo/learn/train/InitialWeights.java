package org.karyo.learn.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.karyo.KaryoInputException;
import org.karyo.learn.engine.Engines;
import org.karyo.learn.model.Architecture;
import org.karyo.learn.model.Models;
import org.karyo.learn.torch.TorchCheckpoint;
import org.karyo.learn.torch.TorchTensor;
import org.karyo.learn.torch.TorchvisionResNetWeights;

/**
 * Starting weights from a user's file instead of random ones: a Karyo model folder (a bundle from
 * 'karyo train', or a classifier folder), a DJL parameter file of the same network, either the raw
 * parameter stream Karyo writes or a file saved by DJL's {@code Model.save} ("DJL@" header), or a
 * PyTorch state dict of a torchvision ResNet such as ImageNet weights ({@link TorchvisionResNetWeights}). The
 * file is read into a network of the target's layout, so parameter names must match (same
 * architecture, channels and head); every parameter of the same shape is copied. When the head's
 * shapes differ (another class count) the whole head keeps its fresh initialisation; a difference
 * anywhere else is an error.
 */
public final class InitialWeights {
    private static final byte[] DJL_MAGIC = "DJL@".getBytes(StandardCharsets.US_ASCII);

    /**
     * What was loaded.
     *
     * @param source            the file or folder given
     * @param kind              "karyo model" or "DJL parameters"
     * @param headReinitialised true when the head kept fresh weights because its shape differs
     */
    public record Applied(String source, String kind, boolean headReinitialised) {
    }

    private InitialWeights() {
    }

    /** Copies the weights of {@code source} into the initialised network of {@code target}. */
    public static Applied apply(Path source, Classifier target) throws KaryoInputException {
        boolean folder = Files.isDirectory(source);
        Path file = folder ? source.resolve(Classifier.WEIGHTS) : source;
        if (!Files.isRegularFile(file)) {
            throw new KaryoInputException(source, folder ? "folder holds no " + Classifier.WEIGHTS
                    + " (expected a model folder written by 'karyo train')" : "weights file not found");
        }
        Engines.disableGradientsOnThisThread();
        if (!folder && TorchCheckpoint.looksLikeOne(file)) {
            return applyTorchvision(source, file, target);
        }
        try (NDManager scratch = target.model().getNDManager().newSubManager()) {
            Block loaded = Models.build(target.spec());
            Models.initialize(loaded, target.spec(), scratch);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                skipDjlHeader(in);
                loaded.loadParameters(scratch, in);
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw new KaryoInputException(file, "not weights of a " + target.spec().architecture().name().toLowerCase()
                        + " network with this head: " + e.getMessage(), e);
            }
            boolean headReset = copy(loaded, target.block(), file);
            return new Applied(source.toString(), folder ? "karyo model" : "DJL parameters", headReset);
        }
    }

    /** A PyTorch state dict of a torchvision ResNet: the backbone is loaded, the head starts afresh. */
    private static Applied applyTorchvision(Path source, Path file, Classifier target) throws KaryoInputException {
        Architecture arch = target.spec().architecture();
        if (arch != Architecture.RESNET18 && arch != Architecture.RESNET34 && arch != Architecture.RESNET50) {
            throw new KaryoInputException(file, "is a PyTorch checkpoint; those initialise only torchvision ResNets "
                    + "(--arch resnet18, resnet34 or resnet50), not " + arch.name().toLowerCase());
        }
        Map<String, TorchTensor> stateDict = TorchCheckpoint.read(file);
        TorchvisionResNetWeights.apply(file, stateDict, target.block().getParameters(), headPrefix(target.block()));
        return new Applied(source.toString(), "PyTorch state dict (torchvision ResNet; ImageNet normalisation folded "
                + "into the first layer)", true);
    }

    /**
     * DJL's Model.save writes a header before the parameters: magic, version, name, data type, input
     * shapes, properties.
     */
    private static void skipDjlHeader(DataInputStream in) throws IOException {
        in.mark(DJL_MAGIC.length);
        byte[] magic = in.readNBytes(DJL_MAGIC.length);
        if (!Arrays.equals(magic, DJL_MAGIC)) {
            in.reset();
            return;
        }
        in.readInt(); // format version
        in.readUTF(); // model name
        in.readUTF(); // data type
        int inputs = in.readInt();
        for (int i = 0; i < inputs; i++) {
            in.readUTF();
            Shape.decode(in);
        }
        int properties = in.readInt();
        for (int i = 0; i < properties; i++) {
            in.readUTF();
            in.readUTF();
        }
    }

    /** @return whether the head was left as initialised */
    private static boolean copy(Block from, Block to, Path file) throws KaryoInputException {
        PairList<String, Parameter> src = from.getParameters();
        PairList<String, Parameter> dst = to.getParameters();
        String head = headPrefix(to);
        boolean headDiffers = false;
        for (int i = 0; i < dst.size(); i++) {
            Shape want = dst.get(i).getValue().getArray().getShape();
            Shape have = src.get(i).getValue().getArray().getShape();
            if (!want.equals(have)) {
                if (head == null || !dst.get(i).getKey().startsWith(head)) {
                    throw new KaryoInputException(file, "parameter " + dst.get(i).getKey() + " is " + have
                            + " in the file but " + want + " in the network (different input channels or size?)");
                }
                headDiffers = true;
            }
        }
        for (int i = 0; i < dst.size(); i++) {
            Pair<String, Parameter> d = dst.get(i);
            if (headDiffers && d.getKey().startsWith(head)) {
                continue;
            }
            NDArray target = d.getValue().getArray();
            target.set(src.get(i).getValue().getArray().toByteBuffer());
        }
        return headDiffers;
    }

    /**
     * Copies every parameter value of {@code from} into the existing arrays of {@code to} (same layout):
     * in place, so a trainer holding those arrays keeps training them.
     */
    static void copyInPlace(Block from, Block to) {
        Engines.disableGradientsOnThisThread();
        PairList<String, Parameter> src = from.getParameters();
        PairList<String, Parameter> dst = to.getParameters();
        for (int i = 0; i < dst.size(); i++) {
            dst.get(i).getValue().getArray().set(src.get(i).getValue().getArray().toByteBuffer());
        }
    }

    /** Parameter-name prefix of the network's last block (the head, or the MLP's last dense layer). */
    private static String headPrefix(Block block) {
        if (block instanceof SequentialBlock seq && !seq.getChildren().isEmpty()) {
            return seq.getChildren().get(seq.getChildren().size() - 1).getKey() + "_";
        }
        return null;
    }
}
