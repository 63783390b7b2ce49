package org.karyo.learn.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.export.OnnxExport;
import org.karyo.learn.train.Classifier;

/** An export goes to a temporary sibling and is moved into place only when complete. */
class AtomicOutputTest {

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporary(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("net.onnx");
        Files.writeString(target, "old model");
        assertThatThrownBy(() -> AtomicOutput.write(target, out -> {
            out.write("half a new mod".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(target).hasContent("old model");
        assertThat(files(dir)).containsExactly("net.onnx");
    }

    @Test
    void whileWritingTheTargetIsUntouchedAndTheBytesGoToAHiddenSibling(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("net.onnx");
        Files.writeString(target, "old model");
        AtomicReference<List<String>> during = new AtomicReference<>();
        AtomicReference<String> targetDuring = new AtomicReference<>();
        AtomicOutput.write(target, out -> {
            out.write("new model".getBytes(StandardCharsets.UTF_8));
            out.flush();
            during.set(files(dir));
            targetDuring.set(Files.readString(target));
        });
        assertThat(targetDuring.get()).isEqualTo("old model");
        assertThat(during.get()).hasSize(2).anyMatch(n -> n.startsWith(".net.onnx") && n.endsWith(".part"));
        assertThat(target).hasContent("new model");
        assertThat(files(dir)).containsExactly("net.onnx");
    }

    @Test
    void anExportReplacesAnOlderFileWhole(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("sub").resolve("net.onnx");
        Files.createDirectories(target.getParent());
        Files.write(target, new byte[10_000_000]);
        try (Classifier c = Classifier.initialized(ModelSpec.compact(1, 2, 16), List.of("a", "b"),
                PercentileScaling.DEFAULT, 1)) {
            OnnxExport.write(c, target);
        }
        byte[] written = Files.readAllBytes(target);
        // ~390k float parameters: 1.6 MB, not the 10 MB of zeros it replaced.
        assertThat(written.length).isBetween(1_000_000, 3_000_000);
        assertThat(new String(written, 0, 200, StandardCharsets.ISO_8859_1)).contains("karyo");
        assertThat(files(target.getParent())).containsExactly("net.onnx");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
