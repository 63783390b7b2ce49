"""Reference for TorchvisionInitCheck: a torchvision ResNet with random weights and random batch-norm
statistics, saved as a state dict, and its 512/2048 pooled features on grey images.

    python3 karyo-bench/python/torchvision_reference.py --arch resnet18 --out /tmp/tv

writes OUT/<arch>.pth (torch.save(model.state_dict())), OUT/images.f32 (N x 64 x 64 grey values in 0..1,
little-endian float32) and OUT/<arch>.features.f32 (N x C). The features are what the ImageNet pipeline
computes on the grey image copied to R, G and B and normalised with ImageNet's mean and std, except that
the first convolution's zero padding is applied before normalising (black, as Karyo pads its crops), so the
Java side can reproduce it exactly. Needs Debian's python3-torch and python3-torchvision; no downloads.
"""
import argparse
import os

import numpy as np
import torch
import torch.nn.functional as F
import torchvision

p = argparse.ArgumentParser()
p.add_argument("--arch", default="resnet18", choices=["resnet18", "resnet34", "resnet50"])
p.add_argument("--out", required=True)
p.add_argument("--n", type=int, default=4)
a = p.parse_args()
torch.set_num_threads(1)
torch.manual_seed(0)
os.makedirs(a.out, exist_ok=True)
images = torch.rand(a.n, 1, 64, 64)  # first, so every --arch sees the same images

model = getattr(torchvision.models, a.arch)(weights=None)
with torch.no_grad():
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.uniform_(-0.5, 0.5)
            m.running_var.uniform_(0.5, 2.0)
            m.weight.uniform_(0.5, 1.5)
            m.bias.uniform_(-0.2, 0.2)
model.eval()
torch.save(model.state_dict(), os.path.join(a.out, a.arch + ".pth"))

mean = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
std = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)
with torch.no_grad():
    rgb = F.pad(images.repeat(1, 3, 1, 1), (3, 3, 3, 3), value=0.0)  # black border, as Karyo pads
    x = F.conv2d((rgb - mean) / std, model.conv1.weight, None, 2, 0)
    x = model.maxpool(model.relu(model.bn1(x)))
    x = model.layer4(model.layer3(model.layer2(model.layer1(x))))
    features = torch.flatten(model.avgpool(x), 1)
images.numpy().astype("<f4").tofile(os.path.join(a.out, "images.f32"))
features.numpy().astype("<f4").tofile(os.path.join(a.out, a.arch + ".features.f32"))
print(a.arch, "features", tuple(features.shape), "mean |f|", float(features.abs().mean()))
