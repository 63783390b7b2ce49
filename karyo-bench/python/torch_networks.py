#!/usr/bin/env python3
"""Reference timings for Karyo's networks in Python PyTorch (Debian's python3-torch / python3-torchvision).

The same layouts as karyo-learn builds: torchvision ResNet-18/50 with a 1-channel stem and the study head
(global average pool -> dense 1024 -> ReLU -> dropout 0.5 -> dense 2), and the compact CNN (4 x conv3x3-BN-ReLU-
maxpool2, 32/64/128/256 channels, global average pool, dropout 0.5, dense 2). Batch 32, random weights and
inputs, eval mode and no autograd for inference; Adam steps for training.

  torch_networks.py infer ARCH SIZE SECONDS   -> JSON: images_per_s, batches
  torch_networks.py train ARCH SIZE SECONDS   -> JSON: images_per_s, batches
ARCH: compact | resnet18 | resnet50. Threads: all cores (torch defaults to one thread on Debian).
"""
import json
import os
import sys
import time

import torch
import torch.nn as nn
import torchvision

torch.set_num_threads(os.cpu_count())


def compact():
    layers, c = [], 1
    for out in (32, 64, 128, 256):
        layers += [nn.Conv2d(c, out, 3, padding=1, bias=False), nn.BatchNorm2d(out), nn.ReLU(inplace=True), nn.MaxPool2d(2)]
        c = out
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.5), nn.Linear(256, 2))


def resnet(name):
    net = getattr(torchvision.models, name)(weights=None)
    net.conv1 = nn.Conv2d(1, 64, 7, 2, 3, bias=False)
    net.fc = nn.Sequential(nn.Linear(net.fc.in_features, 1024), nn.ReLU(inplace=True), nn.Dropout(0.5), nn.Linear(1024, 2))
    return net


def main():
    mode, arch, size, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    torch.manual_seed(1)
    net = compact() if arch == "compact" else resnet(arch)
    x = torch.rand(32, 1, size, size)
    y = torch.randint(0, 2, (32,))
    if mode == "infer":
        net.eval()
        def step():
            with torch.no_grad():
                torch.softmax(net(x), 1)
    else:
        net.train()
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        loss_fn = nn.CrossEntropyLoss()
        def step():
            opt.zero_grad()
            loss_fn(net(x), y).backward()
            opt.step()
    step()
    step()
    batches, t0 = 0, time.perf_counter()
    while batches < 3 or time.perf_counter() - t0 < seconds:
        step()
        batches += 1
    dt = time.perf_counter() - t0
    print(json.dumps({"images_per_s": 32 * batches / dt, "batches": batches}))


if __name__ == "__main__":
    main()
