#!/usr/bin/env python3
"""The reference study's classical nucleus segmentation in scikit-image, as a yardstick for Karyo.

White top-hat (disk of radius 50), Otsu threshold, binary closing, small-object removal, Euclidean
distance transform, local maxima in a 30-px window as seeds, watershed; then area and centroid per
nucleus (regionprops), as Karyo's benchmark also measures.

  skimage_pipeline.py time IMAGE.tif REPEATS      -> prints JSON: median_ms, nuclei
  skimage_pipeline.py score IMAGES_DIR LABELS_DIR -> prints JSON: pooled F1 at IoU 0.5 and mean AP
"""
import glob
import json
import os
import sys
import time

import numpy as np
from scipy import ndimage as ndi
from skimage import filters, io, measure, morphology, segmentation
from skimage.feature import peak_local_max


def segment(img, tophat_radius=50, window=30, min_size=30):
    img = img.astype(np.float32)
    th = morphology.white_tophat(img, morphology.disk(tophat_radius))
    mask = th > filters.threshold_otsu(th)
    mask = morphology.binary_closing(mask, morphology.disk(2))
    mask = morphology.remove_small_objects(mask, min_size)
    dist = ndi.distance_transform_edt(mask)
    peaks = peak_local_max(dist, footprint=np.ones((window, window)), labels=measure.label(mask), exclude_border=False)
    markers = np.zeros(mask.shape, dtype=np.int32)
    markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)
    labels = segmentation.watershed(-dist, markers, mask=mask)
    props = [(r.area, r.centroid) for r in measure.regionprops(labels)]
    return labels, props


def score(pred, truth):
    """True positives at IoU thresholds 0.5..0.95 (one-to-one above 0.5), as Karyo's SegmentationScore."""
    p = pred.astype(np.int64).ravel()
    g = truth.astype(np.int64).ravel()
    np_, ng = p.max() + 1, g.max() + 1
    inter = np.bincount(g * np_ + p, minlength=ng * np_).reshape(ng, np_)
    ga, pa = inter.sum(1), inter.sum(0)
    inter = inter[1:, 1:]
    union = ga[1:, None] + pa[None, 1:] - inter
    iou = np.where(inter > 0, inter / np.maximum(union, 1), 0)
    thresholds = np.arange(0.5, 0.96, 0.05)
    tp = [(iou > t).sum() for t in thresholds]
    return int((ga[1:] > 0).sum()), int((pa[1:] > 0).sum()), tp


def main():
    if sys.argv[1] == "time":
        img = io.imread(sys.argv[2])
        repeats = int(sys.argv[3])
        segment(img)  # warm-up
        times, n = [], 0
        for _ in range(repeats):
            t0 = time.perf_counter()
            labels, props = segment(img)
            times.append((time.perf_counter() - t0) * 1000)
            n = len(props)
        print(json.dumps({"median_ms": float(np.median(times)), "nuclei": n, "runs": repeats}))
    elif sys.argv[1] == "score":
        truth_n = pred_n = 0
        tp = np.zeros(10)
        for f in sorted(glob.glob(os.path.join(sys.argv[2], "*.png"))):
            img = io.imread(f)
            truth = io.imread(os.path.join(sys.argv[3], os.path.basename(f)))
            labels, _ = segment(img)
            t, p, k = score(labels, truth)
            truth_n, pred_n, tp = truth_n + t, pred_n + p, tp + np.array(k)
        f1 = tp[0] / (tp[0] + 0.5 * (pred_n - tp[0]) + 0.5 * (truth_n - tp[0]))
        ap = np.mean(tp / (pred_n + truth_n - tp))
        print(json.dumps({"f1_iou50": float(f1), "mean_ap": float(ap), "truth": truth_n, "predicted": pred_n}))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
