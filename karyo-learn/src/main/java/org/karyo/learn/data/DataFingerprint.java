package org.karyo.learn.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over what a model learned from: each crop's file name, class, group and pixels, in
 * dataset order. File names rather than paths, so a dataset copied elsewhere keeps its fingerprint;
 * pixels rather than file bytes, so re-encoding the same crops does too.
 */
public final class DataFingerprint {
    private DataFingerprint() {
    }

    public static String of(CropSet data) {
        MessageDigest sha = sha256();
        ByteBuffer pixels = ByteBuffer.allocate(4 * 1024);
        for (Crop c : data.crops()) {
            String key = c.path().getFileName() + "\t" + data.classes().get(c.label()) + "\t" + c.group() + "\n";
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            for (float v : c.image().pixels()) {
                if (pixels.remaining() < 4) {
                    sha.update(pixels.flip());
                    pixels.clear();
                }
                pixels.putFloat(v);
            }
            sha.update(pixels.flip());
            pixels.clear();
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
