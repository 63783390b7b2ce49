package org.karyo.track.score;

import org.karyo.image.LabelImage;
import org.karyo.simulate.Track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a tracking result against Cell Tracking Challenge ground truth: TRA and DET (Matula et al. 2015,
 * Ulman et al. 2017) and SEG. Frames are fed one at a time, so neither movie is held in memory: per frame
 * only which result nucleus covers which truth nucleus is kept.
 *
 * <p>A result nucleus R matches a truth nucleus G when more than half of G's pixels lie in R, so each G has
 * at most one match and one R may cover several G (a non-split). Nodes are (frame, label); links join
 * consecutive appearances of a label, and a parent's last appearance to each child's first (those are
 * "parent" links, the semantics TRA checks). Links are compared only between result nuclei that match
 * exactly one truth nucleus.
 */
public final class CtcScorer {
    private record Node(int frame, int label) {
    }

    private record Edge(Node from, Node to) {
    }

    private final List<int[]> truthLabels = new ArrayList<>();
    private final List<int[]> resultLabels = new ArrayList<>();
    /** Per frame: truth label -> matched result label (0 = none). */
    private final List<Map<Integer, Integer>> matches = new ArrayList<>();
    private double jaccardSum;
    private long truthCount;

    /** Adds the next frame: truth and result label images whose labels are track ids. */
    public void addFrame(LabelImage truth, LabelImage result) {
        if (truth.width() != result.width() || truth.height() != result.height()) {
            throw new IllegalArgumentException("frame " + matches.size() + ": truth is " + truth.width() + "x"
                    + truth.height() + " but result is " + result.width() + "x" + result.height());
        }
        int[] g = truth.labels();
        int[] r = result.labels();
        Map<Integer, Integer> gArea = new HashMap<>();
        Map<Integer, Integer> rArea = new HashMap<>();
        Map<Long, Integer> inter = new HashMap<>();
        for (int i = 0; i < g.length; i++) {
            if (g[i] != 0) gArea.merge(g[i], 1, Integer::sum);
            if (r[i] != 0) rArea.merge(r[i], 1, Integer::sum);
            if (g[i] != 0 && r[i] != 0) inter.merge(((long) g[i] << 32) | r[i], 1, Integer::sum);
        }
        Map<Integer, Integer> match = new HashMap<>();
        for (int label : gArea.keySet()) match.put(label, 0);
        for (Map.Entry<Long, Integer> e : inter.entrySet()) {
            int gl = (int) (e.getKey() >>> 32);
            int rl = (int) (e.getKey() & 0xffffffffL);
            int n = e.getValue();
            int ga = gArea.get(gl);
            if (2L * n > ga) {
                match.put(gl, rl);
                jaccardSum += (double) n / (ga + rArea.get(rl) - n);
            }
        }
        truthCount += gArea.size();
        truthLabels.add(gArea.keySet().stream().mapToInt(Integer::intValue).sorted().toArray());
        resultLabels.add(rArea.keySet().stream().mapToInt(Integer::intValue).sorted().toArray());
        matches.add(match);
    }

    public int frames() {
        return matches.size();
    }

    /** Scores everything added, given both track tables (for the parent links). */
    public CtcScores score(List<Track> truthTracks, List<Track> resultTracks) {
        long ns = 0;
        long fn = 0;
        long fp = 0;
        Map<Node, Node> truthOf = new HashMap<>();   // true-positive result node -> its one truth node
        Map<Node, Node> resultOf = new HashMap<>();  // truth node -> the result node covering it (any)
        for (int f = 0; f < matches.size(); f++) {
            Map<Integer, List<Integer>> covered = new HashMap<>();
            for (Map.Entry<Integer, Integer> e : matches.get(f).entrySet()) {
                if (e.getValue() == 0) {
                    fn++;
                } else {
                    covered.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
                    resultOf.put(new Node(f, e.getKey()), new Node(f, e.getValue()));
                }
            }
            for (int r : resultLabels.get(f)) {
                List<Integer> gs = covered.get(r);
                if (gs == null) fp++;
                else if (gs.size() > 1) ns += gs.size() - 1;
                else truthOf.put(new Node(f, r), new Node(f, gs.get(0)));
            }
        }
        Map<Edge, Boolean> truthEdges = edges(truthLabels, truthTracks);
        Map<Edge, Boolean> resultEdges = edges(resultLabels, resultTracks);
        long ed = 0;
        long ec = 0;
        Set<Edge> induced = new HashSet<>();
        for (Map.Entry<Edge, Boolean> e : resultEdges.entrySet()) {
            Node a = truthOf.get(e.getKey().from);
            Node b = truthOf.get(e.getKey().to);
            if (a == null || b == null) continue; // touches a false positive or non-split: not compared
            induced.add(e.getKey());
            Boolean parentLink = truthEdges.get(new Edge(a, b));
            if (parentLink == null) ed++;
            else if (parentLink.booleanValue() != e.getValue().booleanValue()) ec++;
        }
        long ea = 0;
        for (Edge e : truthEdges.keySet()) {
            Node a = resultOf.get(e.from);
            Node b = resultOf.get(e.to);
            if (a == null || b == null || !induced.contains(new Edge(a, b))) ea++;
        }
        AogmCounts counts = new AogmCounts(ns, fn, fp, ed, ea, ec, truthCount, truthEdges.size());
        double seg = truthCount == 0 ? 1 : jaccardSum / truthCount;
        return new CtcScores(counts.tra(), counts.det(), seg, counts);
    }

    /**
     * Per result track, the truth cell it follows: in each frame a result nucleus that covers exactly one truth
     * nucleus (more than half of it) is on that cell; the track's cell is the one it was on most often. This lets
     * per-cell truth (a fate, an onset time) be compared with what was called on tracker output, whose ids are its own.
     */
    public Map<Integer, TrackTruth> truthOfTracks() {
        Map<Integer, Integer> frames = new HashMap<>();
        for (int[] labels : resultLabels) for (int r : labels) frames.merge(r, 1, Integer::sum);
        Map<Integer, Map<Integer, Integer>> perFrame = truthPerFrame();
        Map<Integer, TrackTruth> out = new java.util.TreeMap<>();
        frames.forEach((r, n) -> {
            Map<Integer, Integer> on = new HashMap<>();
            perFrame.getOrDefault(r, Map.of()).values().forEach(g -> on.merge(g, 1, Integer::sum));
            int best = 0;
            int most = 0;
            for (Map.Entry<Integer, Integer> e : on.entrySet()) {
                if (e.getValue() > most || (e.getValue() == most && e.getKey() < best)) {
                    best = e.getKey();
                    most = e.getValue();
                }
            }
            out.put(r, new TrackTruth(r, best, most, n));
        });
        return out;
    }

    /**
     * Per result track, frame by frame, the truth cell it is on (a result nucleus covering exactly one truth nucleus);
     * frames where it covers none or several are absent. Shows where a track passes from one cell to another.
     */
    public Map<Integer, Map<Integer, Integer>> truthPerFrame() {
        Map<Integer, Map<Integer, Integer>> out = new HashMap<>();
        for (int f = 0; f < matches.size(); f++) {
            Map<Integer, List<Integer>> covered = new HashMap<>();
            matches.get(f).forEach((g, r) -> {
                if (r != 0) covered.computeIfAbsent(r, k -> new ArrayList<>()).add(g);
            });
            for (Map.Entry<Integer, List<Integer>> e : covered.entrySet()) {
                if (e.getValue().size() == 1) {
                    out.computeIfAbsent(e.getKey(), k -> new java.util.TreeMap<>()).put(f, e.getValue().get(0));
                }
            }
        }
        return out;
    }

    /** Links of one graph: consecutive appearances of a label (false) and parent to child (true). */
    private static Map<Edge, Boolean> edges(List<int[]> labelsPerFrame, List<Track> tracks) {
        Map<Integer, List<Integer>> framesOf = new HashMap<>();
        for (int f = 0; f < labelsPerFrame.size(); f++) {
            for (int l : labelsPerFrame.get(f)) framesOf.computeIfAbsent(l, k -> new ArrayList<>()).add(f);
        }
        Map<Edge, Boolean> out = new HashMap<>();
        for (Map.Entry<Integer, List<Integer>> e : framesOf.entrySet()) {
            List<Integer> fs = e.getValue();
            for (int i = 1; i < fs.size(); i++) {
                out.put(new Edge(new Node(fs.get(i - 1), e.getKey()), new Node(fs.get(i), e.getKey())), false);
            }
        }
        for (Track t : tracks) {
            if (t.parent() == 0) continue;
            List<Integer> child = framesOf.get(t.label());
            List<Integer> parent = framesOf.get(t.parent());
            if (child == null || parent == null) continue;
            int pf = parent.get(parent.size() - 1);
            int cf = child.get(0);
            if (pf < cf) out.put(new Edge(new Node(pf, t.parent()), new Node(cf, t.label())), true);
        }
        return out;
    }
}
