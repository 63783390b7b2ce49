package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.fate.Fate;
import org.karyo.fate.FateCall;
import org.karyo.fate.FateCaller;
import org.karyo.fate.FateCalls;
import org.karyo.fate.FateScore;
import org.karyo.fate.FateSettings;
import org.karyo.fate.TrackSeries;
import org.karyo.fate.TrueFate;
import org.karyo.track.score.TrackTruth;
import org.karyo.AtomicFiles;
import org.karyo.io.table.CsvReader;
import org.karyo.label.ThresholdMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** 'karyo fates': spreader / nonspreader / uninfected per track from its reporter and PI series. */
@Command(name = "fates", mixinStandardHelpOptions = true, versionProvider = KaryoVersion.class,
        description = {
                "Call each track's fate from its reporter and propidium iodide (PI) series in tracks.csv.",
                "Infection = reporter onset, lysis = PI onset: the first frame of a run of --persistence consecutive frames",
                "above the cut (found on all track-frame values, Otsu on log values by default, or given); a reporter",
                "onset must last (above the cut in at least half of the later frames). spreader = infected and later",
                "lysed; nonspreader = infected and intact until the movie ends; uninfected otherwise.",
                "A daughter inherits its mother's reporter history (a cell infected before dividing has both daughters",
                "infected at the mother's onset); an infected mother that divided is a spreader if any descendant lysed.",
                "Each TRACKS folder is one field (well); all are called with the same cuts. Writes into --out:",
                "  fates.csv   well,track_id,parent,fate,infection_hours,lysis_hours,frames,root,first_frame,last_frame,",
                "              called_fate,source,inherited,followed_hours,true_fate,true_infection_hours,true_lysis_hours",
                "              (empty without --truth),parent_link (empty = believed, else why the link was doubted),",
                "              lost (1: infected, not seen to lyse, not followed to the movie's end: fate unknown)",
                "  fates.json  cuts, counts, spreader fraction (spreaders / infected cells) overall and per well, and with",
                "              --truth the confusion matrix and onset-time errors in hours",
                "  wells.csv   per well: tracks, spreader and infected cells, spreader fraction, lost, doubted links",
                "              (+ the true fraction with --truth), for a spreadsheet",
                "  wells.png   spreader fraction per well as bars (called, and true with --truth)",
                "The spreader fraction counts infections: a cell infected before it divided counts once, with the fate of",
                "her descendants (her daughters, or pieces of her nucleus a tracker read as daughters, do not count again),",
                "and infected cells lost to follow-up (track ended early, or reporter dark at its end: the tracker moved",
                "to another nucleus) are left out; fate-crops, fate-history and timecourse skip them too."})
final class FatesCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "TRACKS", description = "Folders holding tracks.csv (or the files), one per field.")
    List<Path> tracks;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write fates.csv and fates.json into.")
    Path out;

    @Option(names = "--well", paramLabel = "NAME", description = "Name per TRACKS folder, in order (default: the folder's name).")
    List<String> wells = new ArrayList<>();

    @Option(names = "--override", paramLabel = "FILE", description = "CSV track_id,fate[,well]: fates set by hand replace the calls.")
    Path override;

    @Option(names = "--persistence", defaultValue = "2", paramLabel = "N", description = "Frames in a row above the cut that make an onset (default: ${DEFAULT-VALUE}).")
    int persistence;

    @Option(names = "--threshold-method", defaultValue = "otsu", paramLabel = "otsu|mixture", description = "Automatic cut (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--trust-all-links", description = {"Believe every parent link of the tracks. By default a link is",
            "doubted, and the child called as a cell of its own, when the parent lysed and the child is not its",
            "PI-positive remains, or the parent was infected and the child's own reporter stays below the cut",
            "(tracker errors; see parent_link in fates.csv). Use for curated tracks."})
    boolean trustAllLinks;

    @Option(names = "--switch-factor", defaultValue = "2", paramLabel = "F", description = {
            "An infected track whose reporter steps by more than F times (up or down) from one frame to the next after its",
            "onset, and stays there for --persistence frames, has switched to another nucleus: the cell is lost to",
            "follow-up, left out of the spreader fraction like a track that ended early. One cell's reporter changed by",
            "at most 1.5x per frame (2x once in 1,411 cells) on simulated ground-truth tracks, 2.2x (median) at a",
            "tracker's switch. 0 = off. Default: ${DEFAULT-VALUE}."})
    double switchFactor;

    @Option(names = "--linear", description = "Find automatic cuts on raw values instead of log values.")
    boolean linear;

    @Option(names = "--reporter-threshold", paramLabel = "V", description = "Reporter cut (mean in the nucleus) instead of an automatic one.")
    Double reporterThreshold;

    @Option(names = "--pi-threshold", paramLabel = "V", description = "PI cut instead of an automatic one.")
    Double piThreshold;

    @Option(names = "--truth", paramLabel = "CELLS_CSV", description = {"Ground truth per TRACKS folder, in order ('karyo simulate timelapse' cells.csv:",
            "label,infection_hours,lysis_hours...). Calls are scored track by track when the tracks are its labels",
            "('tracks-from-labels'), or, for tracker output, through the truth_match.csv that 'karyo track --truth' writes",
            "beside tracks.csv: each track is scored as the truth cell it followed in most of its frames (tracks on no one",
            "cell for most of their frames are not scored). Otherwise only the spreader fractions are compared."})
    List<Path> truth = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!wells.isEmpty() && wells.size() != tracks.size()) throw new KaryoInputException(null, "give one --well name per TRACKS folder");
        if (!truth.isEmpty() && truth.size() != tracks.size()) throw new KaryoInputException(null, "give one --truth file per TRACKS folder");
        FateSettings settings = settings();
        Map<String, Map<Integer, Fate>> overrides = FateOverrides.read(override);
        Map<String, List<TrackSeries>> byWell = new LinkedHashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            String name = wells.isEmpty() ? wellName(tracks.get(i)) : wells.get(i);
            if (byWell.put(name, TracksTable.read(tracks.get(i)).series()) != null) {
                throw new KaryoInputException(tracks.get(i), "well name '" + name + "' is used twice; name them with --well");
            }
        }
        List<TrackSeries> all = byWell.values().stream().flatMap(List::stream).toList();
        if (all.isEmpty()) throw new KaryoInputException(tracks.get(0), "has no tracks");
        FateSettings fixed = new FateCaller(settings).resolve(all);
        FateCaller caller = new FateCaller(fixed);
        FateReport report = new FateReport(fixed);
        int i = 0;
        for (Map.Entry<String, List<TrackSeries>> e : byWell.entrySet()) {
            FateCalls calls = caller.call(e.getValue(), FateOverrides.forWell(overrides, e.getKey()));
            Map<Integer, TrueFate> t = null;
            Map<Integer, TrueFate> perTrack = null;
            boolean viaMatch = false;
            if (!truth.isEmpty()) {
                t = readTruth(truth.get(i));
                if (sameTracks(e.getValue(), readSpans(truth.get(i)))) {
                    perTrack = t;
                } else {
                    perTrack = matchedTruth(tracks.get(i), t);
                    viaMatch = perTrack != null;
                }
            }
            report.add(e.getKey(), calls, t, perTrack, viaMatch);
            i++;
        }
        report.write(out);
        System.out.print(report.summary());
        return Karyo.EXIT_OK;
    }

    private FateSettings settings() throws KaryoInputException {
        ThresholdMethod m = switch (method.toLowerCase(Locale.ROOT)) {
            case "otsu" -> ThresholdMethod.OTSU;
            case "mixture" -> ThresholdMethod.MIXTURE;
            default -> throw new KaryoInputException(null, "--threshold-method must be otsu or mixture, not '" + method + "'");
        };
        try {
            return FateSettings.DEFAULTS.withPersistence(persistence).withMethod(m, !linear)
                    .withThresholds(reporterThreshold == null ? Double.NaN : reporterThreshold, piThreshold == null ? Double.NaN : piThreshold)
                    .withParentLinksChecked(!trustAllLinks).withSwitchFactor(switchFactor);
        } catch (IllegalArgumentException e) {
            throw new KaryoInputException(null, e.getMessage());
        }
    }

    /** A tracks folder's well name: the folder's own name (the parent's when given the tracks.csv file). */
    static String wellName(Path p) {
        Path dir = p.getFileName() != null && p.getFileName().toString().endsWith(".csv") ? p.toAbsolutePath().getParent() : p.toAbsolutePath();
        return dir.normalize().getFileName().toString();
    }

    /**
     * Whether the tracks are the truth's own labels (track id = label, same first and last frame for at least 90 %
     * of them, as 'tracks-from-labels' gives), so that calls can be scored track by track. Tracker output numbers
     * its tracks its own way: comparing it label by label would compare unrelated cells. Without begin/end columns in
     * the truth, ids alone must match.
     */
    static boolean sameTracks(List<TrackSeries> tracks, Map<Integer, int[]> spans) {
        if (tracks.isEmpty()) return false;
        long same = tracks.stream().filter(t -> {
            int[] span = spans.get(t.trackId());
            return span != null && (span[0] < 0 || (span[0] == t.firstFrame() && span[1] == t.lastFrame()));
        }).count();
        return same >= 0.9 * tracks.size();
    }

    /**
     * Truth keyed by tracker track id, through the truth_match.csv 'karyo track --truth' writes beside tracks.csv: a
     * track that was on one truth cell in most of its frames gets that cell's infection and lysis times; the others
     * get none (not scored). Null when there is no such file.
     */
    static Map<Integer, TrueFate> matchedTruth(Path tracksPath, Map<Integer, TrueFate> truthByLabel) throws KaryoInputException {
        Path dir = tracksPath.getFileName() != null && tracksPath.getFileName().toString().endsWith(".csv")
                ? tracksPath.toAbsolutePath().getParent() : tracksPath;
        Path file = dir.resolve(TrackCommand.TRUTH_MATCH);
        if (!java.nio.file.Files.isRegularFile(file)) return null;
        Map<Integer, TrueFate> out = new HashMap<>();
        int line = 1;
        for (Map<String, String> r : CsvReader.read(file)) {
            line++;
            for (String c : List.of("track_id", "truth_label", "matched_frames", "frames")) {
                if (!r.containsKey(c)) throw new KaryoInputException(file, "has no '" + c + "' column (a 'karyo track --truth' truth_match.csv)");
            }
            try {
                TrackTruth m = new TrackTruth(Integer.parseInt(r.get("track_id").strip()), Integer.parseInt(r.get("truth_label").strip()),
                        Integer.parseInt(r.get("matched_frames").strip()), Integer.parseInt(r.get("frames").strip()));
                TrueFate cell = truthByLabel.get(m.truthLabel());
                if (m.followsOneCell() && cell != null) out.put(m.trackId(), new TrueFate(m.trackId(), cell.infectionHours(), cell.lysisHours()));
            } catch (NumberFormatException ex) {
                throw new KaryoInputException(file, "line " + line + ": not a number (" + ex.getMessage() + ")");
            }
        }
        return out;
    }

    /** Per truth label its first and last frame ({-1, -1} when the file does not say). */
    static Map<Integer, int[]> readSpans(Path file) throws KaryoInputException {
        Map<Integer, int[]> out = new HashMap<>();
        int line = 1;
        for (Map<String, String> r : CsvReader.read(file)) {
            line++;
            try {
                String b = r.get("begin_frame"), e = r.get("end_frame");
                boolean known = b != null && e != null && !b.isBlank() && !e.isBlank();
                out.put(Integer.parseInt(r.get("label").strip()), known
                        ? new int[] {Integer.parseInt(b.strip()), Integer.parseInt(e.strip())} : new int[] {-1, -1});
            } catch (NumberFormatException ex) {
                throw new KaryoInputException(file, "line " + line + ": not a number (" + ex.getMessage() + ")");
            }
        }
        return out;
    }

    static Map<Integer, TrueFate> readTruth(Path file) throws KaryoInputException {
        Map<Integer, TrueFate> out = new HashMap<>();
        List<Map<String, String>> rows = CsvReader.read(file);
        int line = 1;
        for (Map<String, String> r : rows) {
            line++;
            if (!r.containsKey("label") || !r.containsKey("infection_hours") || !r.containsKey("lysis_hours")) {
                throw new KaryoInputException(file, "needs columns label,infection_hours,lysis_hours (a 'karyo simulate timelapse' cells.csv)");
            }
            try {
                int id = Integer.parseInt(r.get("label").strip());
                out.put(id, new TrueFate(id, num(r.get("infection_hours")), num(r.get("lysis_hours"))));
            } catch (NumberFormatException e) {
                throw new KaryoInputException(file, "line " + line + ": not a number (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static double num(String s) {
        return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s.strip());
    }
}
