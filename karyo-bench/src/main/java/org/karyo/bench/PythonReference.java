package org.karyo.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a reference script in Python (scikit-image, PyTorch) and reads the numbers of the JSON line it prints. */
final class PythonReference {
    private PythonReference() {
    }

    /** Standard output of the command; its errors go to ours. All cores, as the Java side gets. */
    static String run(String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(Runtime.getRuntime().availableProcessors()));
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) out.append(line).append('\n');
        }
        if (p.waitFor() != 0) throw new IllegalStateException("failed: " + String.join(" ", cmd));
        return out.toString();
    }

    /** The first number stored under {@code "key": } in the text. */
    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE]+)").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + key + " in " + json);
        return Double.parseDouble(m.group(1));
    }
}
