package org.karyo.learn.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process that used ONNX Runtime leaves no empty /tmp/onnxruntime-java folder behind. */
class OrtExtractionFolderTest {
    /** The child process: starts ONNX Runtime the way Karyo does, prints the folder it unpacked into. */
    public static void main(String[] args) throws Exception {
        ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        try {
            OrtSessions.open(env, () -> new byte[] {1, 2, 3}); // not a model: only the start-up matters here
        } catch (IllegalStateException expected) {
            // refused, as it should be
        }
        java.lang.reflect.Field f = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("tempDirectory");
        f.setAccessible(true);
        System.out.println("folder=" + f.get(null));
    }

    @Test
    void theUnpackingFolderIsGoneWhenTheProcessEnds(@TempDir Path dir) throws Exception {
        // The class path goes in an argument file: ONNX Runtime crashes on command lines over 4 KB.
        Path args = Files.writeString(dir.resolve("args"), "-cp " + System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + args,
                OrtExtractionFolderTest.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String folder = out.lines().filter(l -> l.startsWith("folder=")).findFirst().orElseThrow().substring(7);
        assertThat(folder).contains("onnxruntime-java");
        assertThat(Path.of(folder)).as("left behind by the child process").doesNotExist();
    }
}
