package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.AtomicFiles;
import org.karyo.io.ImageFileReader;
import org.karyo.measure.ChannelStats;
import org.karyo.measure.NucleusMeasurement;
import org.karyo.measure.NucleusMeasurer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** 'karyo tracks-from-labels': measures track label images against a movie's frames into tracks.csv. */
@Command(name = "tracks-from-labels", mixinStandardHelpOptions = true, versionProvider = KaryoVersion.class,
        description = {
                "Measure a series of track label images (pixel value = track id) against a movie's frames and write",
                "tracks.csv as 'karyo track' does, so fates, time courses and crops can be made from hand-curated or",
                "ground-truth tracks (e.g. 'karyo simulate timelapse' writes <out>/01_GT/TRA/man_trackNNN.tif).",
                "MOVIE is a folder of TimePoint_<n>/<plate>_<well>_s<site>_w<c>.tif images (frame f = TimePoint_<f+1>);",
                "--labels holds maskNNN.tif or man_trackNNN.tif (NNN = 0-based frame) and, for lineage, res_track.txt or",
                "man_track.txt ('L B E P', P = parent track, 0 = none). Writes into --out:",
                "  tracks.csv     track_id,parent,frame,hours,nucleus_id,x,y,area,dna_mean,reporter_mean,pi_mean,dna_cv,dna_rim_ratio,dna_p90_ratio,dna_bright_fraction",
                "  res_track.txt  'L B E P' per track (first and last frame seen, parent)"})
final class TracksFromLabelsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MOVIE", description = "Folder of TimePoint_<n> frames.")
    Path movie;

    @Option(names = "--labels", required = true, paramLabel = "DIR", description = "Folder of track label images (maskNNN.tif or man_trackNNN.tif).")
    Path labels;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write tracks.csv into.")
    Path out;

    @Option(names = "--well", paramLabel = "WELL", description = "Well to read when the movie has several (e.g. A01).")
    String well;

    @Option(names = "--site", paramLabel = "N", description = "Site to read when the well has several.")
    Integer site;

    @Option(names = "--interval", defaultValue = "1.75", paramLabel = "H", description = "Hours between frames (default: ${DEFAULT-VALUE}).")
    double interval;

    @Option(names = "--dna-channel", defaultValue = "1", paramLabel = "C", description = "Hoechst channel number, w<C> (default: ${DEFAULT-VALUE}).")
    int dnaChannel;

    @Option(names = "--reporter-channel", defaultValue = "2", paramLabel = "C", description = "Reporter channel, 0 for none (default: ${DEFAULT-VALUE}).")
    int reporterChannel;

    @Option(names = "--pi-channel", defaultValue = "3", paramLabel = "C", description = "Propidium iodide channel, 0 for none (default: ${DEFAULT-VALUE}).")
    int piChannel;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        if (!(interval > 0)) throw new KaryoInputException(null, "--interval must be positive");
        MovieFrames frames = MovieFrames.open(movie, well, site);
        LabelSeries series = LabelSeries.open(labels);
        int n = frames.frames();
        if (series.byFrame().lastKey() >= n) {
            throw new KaryoInputException(labels, "has labels for frame " + series.byFrame().lastKey() + " but the movie has " + n + " frames");
        }
        Map<Integer, int[]> span = new TreeMap<>();
        NucleusMeasurer measurer = new NucleusMeasurer();
        try (Progress bar = new Progress("measure", series.byFrame().size(), !noProgress);
             CsvStream csv = new CsvStream(out.resolve(TracksTable.FILE), TracksTable.HEADER)) {
            for (int f : series.byFrame().keySet()) {
                LabelImage lab = series.read(f);
                Map<String, Plane> channels = new LinkedHashMap<>();
                channels.put("dna", read(frames, dnaChannel, f, lab));
                if (reporterChannel > 0) channels.put("reporter", read(frames, reporterChannel, f, lab));
                if (piChannel > 0) channels.put("pi", read(frames, piChannel, f, lab));
                for (NucleusMeasurement m : measurer.measure(lab, channels)) {
                    int id = m.id();
                    csv.row(id, series.parent(id), f, f * interval, id, m.shape().x(), m.shape().y(), m.shape().area(),
                            mean(m, "dna"), mean(m, "reporter"), mean(m, "pi"), DnaTexture.cv(m), DnaTexture.rim(m),
                            DnaTexture.p90Ratio(m), DnaTexture.brightFraction(m));
                    span.merge(id, new int[] {f, f}, (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                }
                bar.step();
            }
            csv.commit();
        }
        StringBuilder res = new StringBuilder();
        span.forEach((id, s) -> res.append(id).append(' ').append(s[0]).append(' ').append(s[1]).append(' ')
                .append(series.parent(id)).append('\n'));
        AtomicFiles.writeString(out.resolve("res_track.txt"), res.toString());
        System.out.printf("wrote %s: %d tracks over %d frames%n", out.resolve(TracksTable.FILE), span.size(), series.byFrame().size());
        return Karyo.EXIT_OK;
    }

    private static Plane read(MovieFrames frames, int channel, int f, LabelImage lab) throws KaryoInputException {
        Path file = frames.file(channel, f);
        Plane p = ImageFileReader.readPlane(file);
        if (!lab.sameSize(p)) throw new KaryoInputException(file, "is " + p.width() + "x" + p.height() + " but the labels are " + lab.width() + "x" + lab.height());
        return p;
    }

    private static Double mean(NucleusMeasurement m, String channel) {
        ChannelStats s = m.channels().get(channel);
        return s == null ? Double.NaN : s.mean();
    }
}
