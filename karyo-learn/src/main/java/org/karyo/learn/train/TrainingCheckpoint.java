package org.karyo.learn.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.karyo.KaryoInputException;
import org.karyo.learn.files.AtomicOutput;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.model.Models;

/**
 * Everything a killed training run needs to go on as if it had not stopped, written after every
 * epoch as one file, through a temporary sibling moved into place (a kill mid-write leaves the
 * previous checkpoint): the weights after the epoch, Adam's moments and step counts, the best
 * epoch's weights and loss, the sampler's pass position, the history and the time used. Random
 * streams need no state: sampling and augmentation draw from a stream seeded by the epoch, and
 * PyTorch's generator (dropout) is re-seeded from the epoch at its start.
 *
 * <p>A key describing the run (network, classes, settings, data and split) is stored, and a
 * checkpoint of another run is refused.
 */
final class TrainingCheckpoint {
    static final String FILE = "checkpoint.karyo";
    private static final String MAGIC = "karyo-training-checkpoint/1";

    /** Where a run stands after {@code epoch} epochs. */
    record Progress(int epoch, long updates, int bestEpoch, double bestLoss, double elapsedSeconds,
                    List<EpochStats> history, byte[] best) {
    }

    private TrainingCheckpoint() {
    }

    static void write(Path file, String key, Progress p, Sampler sampler, Block block, Optimizer adam)
            throws IOException {
        // The temporary sibling is ".<FILE>…part", which ModelBundle.checkTarget recognises as a killed write.
        AtomicOutput.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(MAGIC);
            out.writeUTF(key);
            out.writeInt(p.epoch());
            out.writeLong(p.updates());
            out.writeInt(p.bestEpoch());
            out.writeDouble(p.bestLoss());
            out.writeDouble(p.elapsedSeconds());
            out.writeInt(p.history().size());
            for (EpochStats e : p.history()) {
                out.writeInt(e.epoch());
                out.writeDouble(e.trainLoss());
                out.writeDouble(e.trainAccuracy());
                out.writeDouble(e.validationLoss());
                out.writeDouble(e.validationAccuracy());
                out.writeDouble(e.learningRate());
                out.writeDouble(e.seconds());
            }
            sampler.save(out);
            out.writeInt(p.best() == null ? -1 : p.best().length);
            if (p.best() != null) {
                out.write(p.best());
            }
            AdamState.write(out, adam, parameters(block));
            block.saveParameters(out);
            out.flush();
        });
    }

    /**
     * Restores sampler, optimiser and weights (in place) from {@code file} and returns the progress.
     *
     * @throws KaryoInputException when the file is unreadable or belongs to another run
     */
    static Progress read(Path file, String key, Sampler sampler, Block block, ModelSpec spec, Optimizer adam,
                         NDManager manager) throws KaryoInputException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new KaryoInputException(file, "not a Karyo training checkpoint");
            }
            if (!key.equals(in.readUTF())) {
                throw new KaryoInputException(file, "was written by a run with other data, split, network or "
                        + "settings; resume with the same options, or delete it to start afresh");
            }
            int epoch = in.readInt();
            long updates = in.readLong();
            int bestEpoch = in.readInt();
            double bestLoss = in.readDouble();
            double elapsed = in.readDouble();
            List<EpochStats> history = new ArrayList<>();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                history.add(new EpochStats(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble()));
            }
            sampler.restore(in);
            int bestLength = in.readInt();
            byte[] best = bestLength < 0 ? null : in.readNBytes(bestLength);
            AdamState.read(in, adam, parameters(block), manager);
            try (NDManager scratch = manager.newSubManager()) {
                Block saved = Models.build(spec);
                Models.initialize(saved, spec, scratch);
                saved.loadParameters(scratch, in);
                InitialWeights.copyInPlace(saved, block);
            }
            return new Progress(epoch, updates, bestEpoch, bestLoss, elapsed, history, best);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new KaryoInputException(file, "cannot resume from this checkpoint: " + e.getMessage(), e);
        }
    }

    private static List<Parameter> parameters(Block block) {
        return block.getParameters().stream().map(Pair::getValue).toList();
    }
}
