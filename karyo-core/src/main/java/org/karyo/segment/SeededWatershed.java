package org.karyo.segment;

/**
 * Marker-controlled watershed that floods a mask from seeds, highest relief first, over a bucket queue
 * (the relief quantised to 1/8 px), so the work is linear in the number of pixels.
 */
final class SeededWatershed {
    private static final float QUANTUM = 8f;

    private SeededWatershed() {
    }

    /**
     * @param relief height per pixel (a smoothed distance transform); flooding starts at seeds and goes downhill
     * @param seeds  initial labels (0 = none), inside the mask
     * @return labels covering every mask pixel reachable from a seed
     */
    static int[] flood(float[] relief, boolean[] mask, int[] seeds, int w, int h) {
        int n = relief.length;
        int[] level = new int[n];
        int top = 0;
        for (int i = 0; i < n; i++) {
            if (mask[i]) {
                level[i] = Math.max(0, (int) (relief[i] * QUANTUM));
                if (level[i] > top) top = level[i];
            }
        }
        int[] head = new int[top + 1];
        int[] tail = new int[top + 1];
        java.util.Arrays.fill(head, -1);
        int[] next = new int[n];
        int[] lab = seeds.clone();
        for (int i = 0; i < n; i++) {
            if (lab[i] != 0) {
                push(i, level[i], head, tail, next);
            }
        }
        int cur = top;
        while (cur >= 0) {
            int i = head[cur];
            if (i < 0) {
                cur--;
                continue;
            }
            head[cur] = next[i];
            int l = lab[i];
            int x = i % w;
            int y = i / w;
            for (int dy = -1; dy <= 1; dy++) {
                int yy = y + dy;
                if (yy < 0 || yy >= h) continue;
                for (int dx = -1; dx <= 1; dx++) {
                    int xx = x + dx;
                    if (xx < 0 || xx >= w) continue;
                    int j = yy * w + xx;
                    if (mask[j] && lab[j] == 0) {
                        lab[j] = l;
                        push(j, Math.min(level[j], cur), head, tail, next);
                    }
                }
            }
        }
        return lab;
    }

    private static void push(int i, int lvl, int[] head, int[] tail, int[] next) {
        next[i] = -1;
        if (head[lvl] < 0) {
            head[lvl] = i;
        } else {
            next[tail[lvl]] = i;
        }
        tail[lvl] = i;
    }
}
