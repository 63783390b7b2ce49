package org.karyo.learn.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.KaryoInputException;

/** A checkpoint written by PyTorch 1.13's torch.save (src/test/resources/torch/make_fixtures.py). */
class TorchCheckpointTest {
    private static Path fixture() throws Exception {
        return Path.of(TorchCheckpointTest.class.getResource("/torch/small_checkpoint.pt").toURI());
    }

    @Test
    void readsEveryTensorWithItsValuesWhateverItsLayoutOrType() throws Exception {
        Map<String, TorchTensor> sd = TorchCheckpoint.read(fixture());
        assertThat(sd.keySet()).containsExactly("conv.weight", "conv.weight_t", "row", "half", "bf16", "double",
                "bn.num_batches_tracked", "param");
        TorchTensor w = sd.get("conv.weight");
        assertThat(w.shape()).containsExactly(2, 3, 4);
        for (int i = 0; i < 24; i++) {
            assertThat(w.values()[i]).isEqualTo(i / 8f - 1);
        }
        // transpose(0, 2): element [k][j][i] of the view is base[i][j][k] = (i*12 + j*4 + k) / 8 - 1.
        TorchTensor t = sd.get("conv.weight_t");
        assertThat(t.shape()).containsExactly(4, 3, 2);
        assertThat(t.values()[(3 * 3 + 1) * 2 + 1]).isEqualTo((1 * 12 + 1 * 4 + 3) / 8f - 1);
        // base.reshape(6, 4)[2:4, 1:3]: rows 2-3, columns 1-2 -> flat 9, 10, 13, 14.
        assertThat(sd.get("row").values()).containsExactly(9 / 8f - 1, 10 / 8f - 1, 13 / 8f - 1, 14 / 8f - 1);
        float[] half = sd.get("half").values();
        assertThat(half[0]).isEqualTo(0.5f);
        assertThat(half[1]).isEqualTo(-2f);
        assertThat(half[2]).isEqualTo(65504f);
        assertThat(half[3]).isEqualTo(0x1p-23f); // 1e-7 is the subnormal 2 x 2^-24 in float16
        assertThat(sd.get("bf16").values()).containsExactly(1.5f, -3.25f);
        assertThat(sd.get("double").values()[0]).isEqualTo((float) (1.0 / 3));
        assertThat(sd.get("bn.num_batches_tracked").values()).isNull();
        assertThat(sd.get("param").values()).containsExactly(4f, 5f);
    }

    @Test
    void notACheckpointIsAOneLineError(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("weights.pth"), "not a zip");
        assertThat(TorchCheckpoint.looksLikeOne(text)).isFalse();
        Path zip = dir.resolve("other.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            out.write("hello".getBytes());
        }
        assertThat(TorchCheckpoint.looksLikeOne(zip)).isTrue();
        assertThatThrownBy(() -> TorchCheckpoint.read(zip)).isInstanceOf(KaryoInputException.class)
                .hasMessageContaining("other.zip").hasMessageContaining("no <name>/data.pkl");
        // Cut off inside the pickle: the zip's central directory is gone too.
        byte[] whole = Files.readAllBytes(fixture());
        Path cut = Files.write(dir.resolve("cut.pt"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> TorchCheckpoint.read(cut)).isInstanceOf(KaryoInputException.class)
                .hasMessageContaining("cut.pt");
    }
}
