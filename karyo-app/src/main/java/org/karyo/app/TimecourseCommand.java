package org.karyo.app;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import org.karyo.KaryoInputException;
import org.karyo.fate.AlignedSeries;
import org.karyo.fate.Fate;
import org.karyo.fate.ReporterRate;
import org.karyo.AtomicFiles;
import org.karyo.io.plot.LinePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/** 'karyo timecourse': nuclear area, Hoechst, reporter and PI over time per fate, aligned on infection and on lysis. */
@Command(name = "timecourse", mixinStandardHelpOptions = true, versionProvider = KaryoVersion.class,
        description = {
                "Time courses of tracked nuclei per fate, from tracks.csv and the fates 'karyo fates' called.",
                "Writes into --out:",
                "  series.csv               one row per track and frame: fate, hours post infection, hours before lysis, measures",
                "  aligned_infection.csv    per fate and hours post infection: n, mean and sd of area, Hoechst, reporter, PI",
                "  aligned_lysis.csv        spreaders per hours before lysis, the same columns",
                "  timecourse_infection.png, timecourse_lysis.png   mean (solid) and mean +- sd (dashed) per fate",
                "  reporter_rates.csv       per infected track: slope of reporter vs hpi within --rate-from..--rate-to",
                "  timecourse.json          reporter accumulation rate per fate, mean +- sd (spreaders are expected faster)",
                "Hours post infection count from the called reporter onset (the reporter lags the true infection)."})
final class TimecourseCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRACKS", description = "Folder holding tracks.csv (or the file).")
    Path tracks;

    @Option(names = "--fates", required = true, paramLabel = "FILE", description = "fates.csv from 'karyo fates'.")
    Path fates;

    @Option(names = "--well", paramLabel = "NAME", description = "Well of fates.csv these tracks are (needed when it holds several).")
    String well;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--rate-from", defaultValue = "24", paramLabel = "HPI", description = "Reporter rate window start, hours post infection (default: ${DEFAULT-VALUE}).")
    double rateFrom;

    @Option(names = "--rate-to", defaultValue = "40", paramLabel = "HPI", description = "Reporter rate window end (default: ${DEFAULT-VALUE}).")
    double rateTo;

    @Option(names = "--clock", defaultValue = "onset", paramLabel = "onset|movie", description = {
            "What hours post infection count from: 'onset' (default) the track's called reporter onset; 'movie' the movie",
            "clock plus --first-frame-hpi, right for cells infected together before imaging (not for later infections)."})
    String clock;

    @Option(names = "--first-frame-hpi", defaultValue = "0", paramLabel = "H", description = "With --clock movie: hours post infection at frame 0 (default: ${DEFAULT-VALUE}).")
    double firstFrameHpi;

    @Option(names = "--min-tracks", defaultValue = "3", paramLabel = "N", description = "Plot a bin only with at least this many tracks (default: ${DEFAULT-VALUE}).")
    int minTracks;

    private static final String[] MEASURES = {"area", "dna_mean", "reporter_mean", "pi_mean"};
    private static final String[] TITLES = {"Nuclear area (px)", "Hoechst mean", "Reporter mean", "PI mean"};

    @Override
    public Integer call() throws KaryoInputException, IOException {
        if (!(rateTo > rateFrom)) throw new KaryoInputException(null, "--rate-to must be after --rate-from");
        boolean movieClock = switch (clock.toLowerCase(Locale.ROOT)) {
            case "onset" -> false;
            case "movie" -> true;
            default -> throw new KaryoInputException(null, "--clock must be onset or movie, not '" + clock + "'");
        };
        TracksTable.Tracks t = TracksTable.read(tracks);
        Map<Integer, FatesTable.Row> calls = FatesTable.read(fates, well);
        double interval = interval(t);
        List<ToDoubleFunction<TracksTable.Row>> get = List.of(TracksTable.Row::area, TracksTable.Row::dna,
                TracksTable.Row::reporter, TracksTable.Row::pi);
        List<AlignedSeries> byInfection = new ArrayList<>();
        List<AlignedSeries> byLysis = new ArrayList<>();
        for (int i = 0; i < MEASURES.length; i++) {
            byInfection.add(new AlignedSeries(interval));
            byLysis.add(new AlignedSeries(interval));
        }
        Map<Fate, List<Double>> rates = new EnumMap<>(Fate.class);
        int missing = 0;
        try (CsvStream series = new CsvStream(out.resolve("series.csv"), "track_id", "fate", "frame", "hours", "hours_post_infection",
                "hours_before_lysis", "area", "dna_mean", "reporter_mean", "pi_mean");
             CsvStream rateCsv = new CsvStream(out.resolve("reporter_rates.csv"), "track_id", "fate", "slope_per_hour", "points")) {
            for (Map.Entry<Integer, List<TracksTable.Row>> e : t.rows().entrySet()) {
                FatesTable.Row call = calls.get(e.getKey());
                if (call == null) {
                    missing++;
                    continue;
                }
                List<TracksTable.Row> rows = e.getValue();
                double[] hpi = new double[rows.size()];
                double[] rep = new double[rows.size()];
                for (int k = 0; k < rows.size(); k++) {
                    TracksTable.Row r = rows.get(k);
                    hpi[k] = !call.fate().infected() ? Double.NaN
                            : movieClock ? r.hours() + firstFrameHpi : r.hours() - call.infectionHours();
                    // A lysed cell leaks its reporter: frames from lysis on are not accumulation.
                    rep[k] = r.hours() >= call.lysisHours() ? Double.NaN : r.reporter();
                    double before = call.lysisHours() - r.hours();
                    series.row(e.getKey(), call.fate().csv(), r.frame(), r.hours(), hpi[k], before, r.area(), r.dna(), r.reporter(), r.pi());
                    for (int m = 0; m < MEASURES.length; m++) {
                        double v = get.get(m).applyAsDouble(r);
                        if (call.fate().infected()) byInfection.get(m).add(call.fate(), hpi[k], v);
                        if (call.fate() == Fate.SPREADER) byLysis.get(m).add(call.fate(), before, v);
                    }
                }
                if (call.fate().infected()) {
                    double[] s = ReporterRate.slope(hpi, rep, rateFrom, rateTo, 3);
                    rateCsv.row(e.getKey(), call.fate().csv(), s[0], (int) s[1]);
                    if (Double.isFinite(s[0])) rates.computeIfAbsent(call.fate(), f -> new ArrayList<>()).add(s[0]);
                }
            }
            series.commit();
            rateCsv.commit();
        }
        if (missing > 0) System.err.printf("note: %d tracks have no fate in %s and were left out%n", missing, fates);
        writeAligned(out.resolve("aligned_infection.csv"), "hours_post_infection", byInfection, List.of(Fate.SPREADER, Fate.NONSPREADER));
        writeAligned(out.resolve("aligned_lysis.csv"), "hours_before_lysis", byLysis, List.of(Fate.SPREADER));
        plot(out.resolve("timecourse_infection.png"), movieClock ? "hours post infection (movie clock)" : "hours post infection (from reporter onset)", byInfection, List.of(Fate.SPREADER, Fate.NONSPREADER));
        plot(out.resolve("timecourse_lysis.png"), "hours before lysis (PI onset)", byLysis, List.of(Fate.SPREADER));
        JsonObject json = new JsonObject();
        json.addProperty("rate_window_hpi", rateFrom + "-" + rateTo);
        json.addProperty("interval_hours", interval);
        json.addProperty("clock", movieClock ? "movie + " + firstFrameHpi + " h" : "reporter onset");
        JsonObject per = new JsonObject();
        StringBuilder msg = new StringBuilder();
        for (Fate f : List.of(Fate.SPREADER, Fate.NONSPREADER)) {
            List<Double> r = rates.getOrDefault(f, List.of());
            double mean = r.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double sd = r.size() < 2 ? Double.NaN
                    : Math.sqrt(r.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (r.size() - 1));
            JsonObject o = new JsonObject();
            o.addProperty("tracks", r.size());
            o.addProperty("mean_slope_per_hour", mean);
            o.addProperty("sd_slope_per_hour", sd);
            per.add(f.csv(), o);
            msg.append(String.format(Locale.ROOT, "%s: reporter rate %.1f +- %.1f per hour (n=%d, %s-%s hpi)%n", f.csv(), mean, sd, r.size(),
                    fmt(rateFrom), fmt(rateTo)));
        }
        json.add("reporter_rate", per);
        AtomicFiles.writeString(out.resolve("timecourse.json"), new GsonBuilder().setPrettyPrinting().serializeNulls()
                .serializeSpecialFloatingPointValues().create().toJson(json).replace("NaN", "null") + "\n");
        System.out.print(msg);
        System.out.println("wrote " + out.resolve("series.csv") + ", aligned_*.csv, timecourse_*.png, reporter_rates.csv, timecourse.json");
        return Karyo.EXIT_OK;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** The frame interval: hours per frame from the rows (every row has hours = frame * interval). */
    private static double interval(TracksTable.Tracks t) throws KaryoInputException {
        for (List<TracksTable.Row> rows : t.rows().values()) {
            for (TracksTable.Row r : rows) if (r.frame() > 0 && r.hours() > 0) return r.hours() / r.frame();
        }
        throw new KaryoInputException(t.file(), "has no frame after the first; a time course needs at least two frames");
    }

    private void writeAligned(Path file, String timeColumn, List<AlignedSeries> s, List<Fate> fates) throws IOException {
        List<String> header = new ArrayList<>(List.of("fate", timeColumn, "tracks"));
        for (String m : MEASURES) {
            header.add(m + "_avg");
            header.add(m + "_sd");
        }
        try (CsvStream csv = new CsvStream(file, header.toArray(String[]::new))) {
            for (Fate f : fates) {
                List<List<AlignedSeries.Bin>> bins = s.stream().map(a -> a.bins(f)).toList();
                for (int b = 0; b < bins.get(0).size(); b++) {
                    List<Object> row = new ArrayList<>(List.of(f.csv(), bins.get(0).get(b).hours(), bins.get(0).get(b).n()));
                    for (List<AlignedSeries.Bin> m : bins) {
                        AlignedSeries.Bin x = b < m.size() && m.get(b).hours() == bins.get(0).get(b).hours() ? m.get(b) : null;
                        row.add(x == null ? Double.NaN : x.mean());
                        row.add(x == null ? Double.NaN : x.sd());
                    }
                    csv.row(row.toArray());
                }
            }
            csv.commit();
        }
    }

    private void plot(Path png, String xTitle, List<AlignedSeries> s, List<Fate> fates) throws IOException {
        List<LinePlot.Panel> panels = new ArrayList<>();
        for (int m = 0; m < MEASURES.length; m++) {
            List<LinePlot.Line> lines = new ArrayList<>();
            for (Fate f : fates) {
                List<AlignedSeries.Bin> bins = s.get(m).bins(f).stream().filter(b -> b.n() >= minTracks && b.hours() >= 0).toList();
                if (bins.isEmpty()) continue;
                double[] x = bins.stream().mapToDouble(AlignedSeries.Bin::hours).toArray();
                double[] mean = bins.stream().mapToDouble(AlignedSeries.Bin::mean).toArray();
                double[] lo = bins.stream().mapToDouble(b -> b.mean() - (Double.isNaN(b.sd()) ? 0 : b.sd())).toArray();
                double[] hi = bins.stream().mapToDouble(b -> b.mean() + (Double.isNaN(b.sd()) ? 0 : b.sd())).toArray();
                int n = bins.stream().mapToInt(AlignedSeries.Bin::n).max().orElse(0);
                lines.add(LinePlot.Line.of(f.csv() + " (up to " + n + " tracks)", x, mean));
                lines.add(new LinePlot.Line(f.csv() + " +- sd", x, hi, true, false));
                lines.add(new LinePlot.Line(f.csv() + " - sd", x, lo, true, false));
            }
            panels.add(new LinePlot.Panel(TITLES[m], xTitle, MEASURES[m], lines, Double.NaN, Double.NaN));
        }
        LinePlot.write(png, 800, 320, panels);
    }
}
