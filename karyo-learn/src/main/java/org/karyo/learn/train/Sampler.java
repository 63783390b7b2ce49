package org.karyo.learn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.karyo.learn.data.Crop;

/**
 * Draws training batches. Balanced: each pick chooses a class uniformly, then a crop of it, so
 * every class weighs the same in the loss whatever its size. Otherwise: passes through a fresh
 * shuffle of the crops.
 */
final class Sampler {
    private final int size;
    private final boolean balanced;
    private final List<int[]> byClass = new ArrayList<>();
    private int[] order = new int[0];
    private int cursor;

    Sampler(List<Crop> crops, int numClasses, boolean balanced) {
        this.size = crops.size();
        this.balanced = balanced;
        List<List<Integer>> lists = new ArrayList<>();
        for (int k = 0; k < numClasses; k++) {
            lists.add(new ArrayList<>());
        }
        for (int i = 0; i < crops.size(); i++) {
            lists.get(crops.get(i).label()).add(i);
        }
        for (List<Integer> l : lists) {
            if (!l.isEmpty()) {
                byClass.add(l.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    int[] next(int batch, SplittableRandom random) {
        int[] picks = new int[batch];
        for (int i = 0; i < batch; i++) {
            if (balanced) {
                int[] members = byClass.get(random.nextInt(byClass.size()));
                picks[i] = members[random.nextInt(members.length)];
            } else {
                if (cursor == order.length) {
                    order = shuffled(random);
                    cursor = 0;
                }
                picks[i] = order[cursor++];
            }
        }
        return picks;
    }

    /** The pass position (unbalanced sampling carries a shuffle across epochs), for checkpoints. */
    void save(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(cursor);
        out.writeInt(order.length);
        for (int i : order) {
            out.writeInt(i);
        }
    }

    void restore(java.io.DataInputStream in) throws java.io.IOException {
        int c = in.readInt();
        int[] o = new int[in.readInt()];
        for (int i = 0; i < o.length; i++) {
            o[i] = in.readInt();
            if (o[i] < 0 || o[i] >= size) {
                throw new java.io.IOException("sampler position out of range");
            }
        }
        if (c < 0 || c > o.length) {
            throw new java.io.IOException("sampler cursor out of range");
        }
        order = o;
        cursor = c;
    }

    private int[] shuffled(SplittableRandom random) {
        int[] o = new int[size];
        for (int i = 0; i < size; i++) {
            o[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }
}
