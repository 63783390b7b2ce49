package org.karyo.app;

import org.karyo.learn.infer.TestTimeViews;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code --tta}: test-time augmentation for commands that classify crops with a trained model. */
final class ViewsOption {
    @Option(names = "--tta", paramLabel = "V", defaultValue = "none", converter = Parse.class,
            description = {"Average each crop's probabilities over its views: none (default), flips (4 views: as is,",
                    "mirrored either way, half turn; what training's augmentation showed the network) or dihedral (8:",
                    "also the quarter turns). Costs 4x or 8x the classification time; see docs/learn-notes.md."})
    TestTimeViews views = TestTimeViews.NONE;

    static final class Parse implements ITypeConverter<TestTimeViews> {
        @Override
        public TestTimeViews convert(String value) {
            return TestTimeViews.parse(value);
        }
    }
}
