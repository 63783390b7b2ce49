package org.karyo.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** 'karyo train-segmenter' on a small simulated movie, then the model in 'track' and 'segment' (--segmenter). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainSegmenterCommandTest {
    @TempDir
    static Path tmp;
    Path sim;
    Path model;

    @BeforeAll
    void simulateAndTrain() {
        sim = tmp.resolve("sim");
        CliRun s = CliRun.of("simulate", "timelapse", "--out", sim.toString(), "--size", "192", "--frames", "6",
                "--no-progress");
        assertThat(s.exit()).as(s.err()).isZero();
        model = tmp.resolve("nuclei.segmenter");
        CliRun r = CliRun.of("train-segmenter", "--movie", sim.toString(), "--labels", sim.resolve("01_GT/TRA").toString(),
                "--out", model.toString(), "--every", "1", "--steps", "150", "--minutes", "0", "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("trained a nucleus segmenter on 6 frame(s)");
    }

    @Test
    void trackingWithTheLearnedSegmenterFindsAndFollowsTheNuclei() throws Exception {
        assertThat(trackedDet(model, "trk")).as("nuclei detected by the learned segmenter (150 steps)").isGreaterThan(0.8);
    }

    /** DET of 'track --segmenter MODEL' on the training movie, against its truth. */
    private double trackedDet(Path segmenter, String name) throws Exception {
        Path out = tmp.resolve(name);
        CliRun r = CliRun.of("track", sim.toString(), "--out", out.toString(), "--segmenter", segmenter.toString(),
                "--truth", sim.toString(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        String scores = Files.readString(out.resolve("scores.json"));
        return Double.parseDouble(scores.replaceAll("(?s).*\"det\": ([0-9.eE-]+).*", "$1"));
    }

    @Test
    void aModelWithCoresIsWrittenAndTracksLikeTheOther() throws Exception {
        Path cores = tmp.resolve("cores.segmenter");
        CliRun r = CliRun.of("train-segmenter", "--movie", sim.toString(), "--labels", sim.resolve("01_GT/TRA").toString(),
                "--out", cores.toString(), "--every", "1", "--steps", "150", "--minutes", "0", "--cores", "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        try (org.karyo.learn.segment.LearnedNucleusSegmenter m = org.karyo.learn.segment.LearnedNucleusSegmenter.load(cores)) {
            assertThat(m.settings().cores()).isTrue();
            assertThat(m.settings().seedThreshold()).as("cores are read at their own seed threshold").isLessThan(0.5);
        }
        assertThat(trackedDet(cores, "trk-cores")).as("nuclei detected from the cores (150 steps)").isGreaterThan(0.8);
    }

    @Test
    void segmentUsesTheModelAndItsErrorsAreOneLine() throws Exception {
        Path frame = sim.resolve("TimePoint_1").toFile().listFiles((d, n) -> n.endsWith("_w1.tif"))[0].toPath();
        Path out = tmp.resolve("seg");
        CliRun r = CliRun.of("segment", frame.toString(), "--out", out.toString(), "--segmenter", model.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve(frame.getFileName().toString().replace(".tif", ".nuclei.csv"))))
                .hasSizeGreaterThan(5);

        Path junk = Files.writeString(tmp.resolve("junk.segmenter"), "not a model");
        CliRun bad = CliRun.of("segment", frame.toString(), "--out", tmp.resolve("seg2").toString(), "--segmenter", junk.toString());
        assertThat(bad.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("junk.segmenter", "not a segmenter model");

        CliRun both = CliRun.of("track", sim.toString(), "--out", tmp.resolve("trk2").toString(), "--segmenter",
                model.toString(), "--labels", sim.resolve("01_GT/TRA").toString(), "--no-progress");
        assertThat(both.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(both.err()).contains("give one");

        CliRun unpaired = CliRun.of("train-segmenter", "--movie", sim.toString(), "--movie", sim.toString(), "--labels",
                sim.resolve("01_GT/TRA").toString(), "--out", tmp.resolve("x.segmenter").toString());
        assertThat(unpaired.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(unpaired.err()).contains("in pairs");
        CliRun narrow = CliRun.of("train-segmenter", "--movie", sim.toString(), "--labels",
                sim.resolve("01_GT/TRA").toString(), "--out", tmp.resolve("y.segmenter").toString(), "--width", "8");
        assertThat(narrow.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(narrow.err()).contains("at least 16");
        CliRun oddView = CliRun.of("train-segmenter", "--movie", sim.toString(), "--labels",
                sim.resolve("01_GT/TRA").toString(), "--out", tmp.resolve("z.segmenter").toString(), "--field-of-view", "50");
        assertThat(oddView.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(oddView.err()).contains("field of view", "21, 45, 93, 189", "not 50").doesNotContain("\tat ");
        assertThat(tmp.resolve("x.segmenter")).doesNotExist();
        assertThat(tmp.resolve("z.segmenter")).doesNotExist();
    }

    @Test
    void theNeckRatioCanBeChosenPerRun() throws Exception {
        Path frame = frame();
        java.util.Map<String, Integer> found = new java.util.HashMap<>();
        for (String neck : java.util.List.of("0", "0.95")) found.put(neck, nucleiFound(frame, "--neck", neck));
        assertThat(found.get("0.95")).as("splitting at nearly every pass finds more objects than never splitting")
                .isGreaterThan(found.get("0"));
        CliRun tooWide = CliRun.of("segment", frame.toString(), "--out", tmp.resolve("seg-neck-bad").toString(), "--segmenter",
                model.toString(), "--neck", "1.5");
        assertThat(tooWide.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(tooWide.err()).contains("nuclei.segmenter", "neck ratio").doesNotContain("\tat ");
        CliRun alone = CliRun.of("segment", frame.toString(), "--out", tmp.resolve("seg-neck-alone").toString(), "--neck", "0.5");
        assertThat(alone.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(alone.err()).contains("--neck needs --segmenter");
    }

    @Test
    void averagedViewsSegmentTheSameFieldAndBadCountsAreRefused() throws Exception {
        Path frame = frame();
        java.util.Map<String, Integer> found = new java.util.HashMap<>();
        for (String views : java.util.List.of("none", "dihedral")) found.put(views, nucleiFound(frame, "--segmenter-tta", views));
        assertThat((double) found.get("dihedral")).as("the same nuclei, give or take a few").isCloseTo(found.get("none"),
                org.assertj.core.data.Percentage.withPercentage(15));
        CliRun odd = CliRun.of("segment", frame.toString(), "--out", tmp.resolve("seg-views-odd").toString(), "--segmenter",
                model.toString(), "--segmenter-tta", "twice");
        assertThat(odd.exit()).isNotZero();
        assertThat(odd.err()).contains("twice", "none, flips or dihedral").doesNotContain("\tat ");
        CliRun alone = CliRun.of("segment", frame.toString(), "--out", tmp.resolve("seg-views-alone").toString(),
                "--segmenter-tta", "flips");
        assertThat(alone.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(alone.err()).contains("--segmenter-tta needs --segmenter");
    }

    private Path frame() {
        return sim.resolve("TimePoint_6").toFile().listFiles((d, n) -> n.endsWith("_w1.tif"))[0].toPath();
    }

    /** Rows of the nuclei table 'segment --segmenter' writes for the frame with one option set. */
    private int nucleiFound(Path frame, String option, String value) throws Exception {
        Path out = tmp.resolve("seg" + option + "-" + value);
        CliRun r = CliRun.of("segment", frame.toString(), "--out", out.toString(), "--segmenter", model.toString(),
                option, value, "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        return Files.readAllLines(out.resolve(frame.getFileName().toString().replace(".tif", ".nuclei.csv"))).size();
    }
}
