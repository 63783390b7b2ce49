#!/usr/bin/env python3
"""A Python pipeline doing what `karyo predict` does, for an end-to-end speed comparison.

Image in, table out: read a 16-bit TIFF, segment nuclei with the same recipe and scales as Karyo's defaults
(white top-hat of radius d, Gaussian sigma 0.06 d, Otsu x 0.7, hole filling, Euclidean distance transform
smoothed by d/20, maxima 0.25 d apart as seeds, watershed, areas >= 0.1 of a d-disc), measure each nucleus,
cut a bounding-box crop with 20 % margin resized to SIZE x SIZE, scale by the 1st/99.8th percentile, classify
with the compact CNN (random weights: only speed is compared) at batch 32, write a CSV table and an outline
overlay PNG. The nucleus diameter d is given (Karyo estimates its own; that step is not timed here).

  predict_pipeline.py IMAGE DIAMETER SIZE OUTDIR REPEATS  -> JSON: median_ms, steps (median ms per step), nuclei
Threads: all cores for torch (Debian's torch defaults to one).
"""
import csv
import json
import os
import sys
import time

import numpy as np
import tifffile
import torch
import torch.nn as nn
from scipy import ndimage as ndi
from skimage import filters, measure, morphology, segmentation, transform
from skimage.feature import peak_local_max
from skimage.io import imsave

torch.set_num_threads(os.cpu_count())


def compact(size):
    layers, c = [], 1
    for out in (32, 64, 128, 256):
        layers += [nn.Conv2d(c, out, 3, padding=1, bias=False), nn.BatchNorm2d(out), nn.ReLU(inplace=True), nn.MaxPool2d(2)]
        c = out
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.5), nn.Linear(256, 2)).eval()


def segment(img, d):
    top = morphology.white_tophat(img, morphology.disk(max(2, round(d))))
    smooth = filters.gaussian(top, sigma=max(0.5, 0.06 * d), preserve_range=True)
    mask = ndi.binary_fill_holes(smooth > filters.threshold_otsu(smooth) * 0.7)
    depth = filters.gaussian(ndi.distance_transform_edt(mask), sigma=max(0.5, d / 20), preserve_range=True)
    peaks = peak_local_max(depth, min_distance=max(1, round(0.25 * d)), labels=mask, exclude_border=False)
    markers = np.zeros(img.shape, np.int32)
    markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)
    labels = segmentation.watershed(-depth, markers, mask=mask)
    return morphology.remove_small_objects(labels, max(1, int(0.1 * np.pi * d * d / 4)))


def crops(img, regions, size):
    h, w = img.shape
    out = np.empty((len(regions), 1, size, size), np.float32)
    for i, r in enumerate(regions):
        y0, x0, y1, x1 = r.bbox
        m = int(round(0.2 * max(y1 - y0, x1 - x0)))
        c = img[max(0, y0 - m):min(h, y1 + m), max(0, x0 - m):min(w, x1 + m)].astype(np.float32)
        out[i, 0] = transform.resize(c, (size, size), order=1, anti_aliasing=True, preserve_range=True)
    lo, hi = np.percentile(out, (1, 99.8))
    return (out - lo) / max(hi - lo, 1e-6)


def run(image, d, size, outdir, net):
    t = {}
    t0 = time.perf_counter()
    img = tifffile.imread(image).astype(np.float32)
    t["read"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    labels = segment(img, d)
    t["segment"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    regions = measure.regionprops(labels, intensity_image=img)
    rows = [(r.label, r.centroid[1], r.centroid[0], r.area, r.perimeter, r.eccentricity, r.solidity,
             r.mean_intensity) for r in regions]
    t["measure"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    x = crops(img, regions, size)
    t["crop"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    probs = []
    with torch.no_grad():
        for b in range(0, len(x), 32):
            probs.append(torch.softmax(net(torch.from_numpy(x[b:b + 32])), 1).numpy())
    p = np.concatenate(probs) if probs else np.zeros((0, 2))
    t["classify"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    with open(os.path.join(outdir, "field.cells.csv"), "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["image", "nucleus_id", "x", "y", "area", "class", "p_infected", "p_uninfected"])
        for (lab, cx, cy, area, *_), pr in zip(rows, p):
            wr.writerow([os.path.basename(image), lab, cx, cy, area, "infected" if pr[0] >= pr[1] else "uninfected",
                         pr[0], pr[1]])
    grey = np.clip((img - img.min()) / max(np.percentile(img, 99.8) - img.min(), 1e-6), 0, 1)
    rgb = (np.stack([grey] * 3, -1) * 255).astype(np.uint8)
    edge = segmentation.find_boundaries(labels, mode="inner")
    colour = np.where((p[:, 0] >= p[:, 1])[:, None], [[0, 200, 0]], [[60, 120, 255]]).astype(np.uint8)
    lut = np.zeros((labels.max() + 1, 3), np.uint8)
    lut[[r[0] for r in rows]] = colour
    rgb[edge] = lut[labels[edge]]
    imsave(os.path.join(outdir, "field.classes.png"), rgb, check_contrast=False)
    t["write"] = time.perf_counter() - t0
    return t, len(rows)


def main():
    image, d, size, outdir, repeats = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
    torch.manual_seed(1)
    net = compact(size)
    run(image, d, size, outdir, net)  # warm-up, as the Java side gets
    times, nuclei = [], 0
    for _ in range(repeats):
        t, nuclei = run(image, d, size, outdir, net)
        times.append(t)
    total = sorted(sum(t.values()) for t in times)[repeats // 2]
    steps = {k: 1000 * sorted(t[k] for t in times)[repeats // 2] for k in times[0]}
    print(json.dumps({"median_ms": 1000 * total, "steps": steps, "nuclei": nuclei}))


if __name__ == "__main__":
    main()
