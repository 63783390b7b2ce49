package org.karyo.learn.export;

/**
 * The network holds a block the exporter does not know. Exporting it anyway would write a graph
 * that computes something else, so the export stops instead.
 */
public final class UnsupportedBlockException extends IllegalArgumentException {
    public UnsupportedBlockException(String path, String problem) {
        super("cannot export block " + (path.isEmpty() ? "(the network itself)" : path) + " to ONNX: " + problem);
    }
}
