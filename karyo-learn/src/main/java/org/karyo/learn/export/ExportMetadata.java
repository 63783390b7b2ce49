package org.karyo.learn.export;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.karyo.learn.bundle.ModelBundle;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.train.Classifier;

/**
 * What an exported file says about itself in ONNX {@code metadata_props}, so it can be used without
 * its bundle: the class order, the normalisation to apply first, the input layout and the network.
 * Values are JSON (field names as in bundle.json).
 */
public final class ExportMetadata {
    public static final String FORMAT = "karyo.format";
    public static final String CLASSES = "karyo.classes";
    public static final String NORMALISATION = "karyo.normalisation";
    public static final String INPUT = "karyo.input";
    public static final String MODEL = "karyo.model";
    public static final String CROP_RECIPE = "karyo.crop_recipe";
    public static final String CREATED = "karyo.bundle_created";

    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .disableHtmlEscaping()
            .create();

    private ExportMetadata() {
    }

    public static Map<String, String> of(Classifier classifier) {
        return of(classifier.spec(), classifier.classes(), classifier.scaling());
    }

    /** The classifier's description plus how crops were cut and when the bundle was made. */
    public static Map<String, String> of(ModelBundle bundle) {
        Map<String, String> m = of(bundle.info().model(), bundle.info().classes(), bundle.info().normalisation());
        m.put(CROP_RECIPE, GSON.toJson(bundle.info().cropRecipe()));
        if (bundle.info().created() != null) {
            m.put(CREATED, bundle.info().created());
        }
        return m;
    }

    private static Map<String, String> of(ModelSpec spec, List<String> classes, PercentileScaling scaling) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(FORMAT, "karyo-onnx/1");
        m.put(CLASSES, GSON.toJson(classes));
        Map<String, Object> norm = new LinkedHashMap<>();
        norm.put("method", "percentile");
        norm.put("low_percentile", scaling.lowPercentile());
        norm.put("high_percentile", scaling.highPercentile());
        norm.put("description", "per crop, before resizing: the low percentile of its pixels maps to 0, the high "
                + "one to 1, values outside are clipped (percentiles by linear interpolation between closest ranks)");
        m.put(NORMALISATION, GSON.toJson(norm));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", OnnxExport.INPUT);
        input.put("layout", "NCHW");
        input.put("channels", spec.inputChannels());
        input.put("size", spec.inputSize());
        input.put("description", "float32 crops normalised as karyo.normalisation says and resized (bilinear) to "
                + "size x size; a grey crop fills every channel");
        m.put(INPUT, GSON.toJson(input));
        m.put(MODEL, GSON.toJson(spec));
        return m;
    }
}
