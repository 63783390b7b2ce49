# Writes small_checkpoint.pt, the PyTorch checkpoint TorchCheckpointTest reads. Made once with Debian's
# python3-torch 1.13 (kept in the repository; the tests do not need Python):
#   python3 make_fixtures.py
# Covers: a wrapped state dict ({"state_dict": ..., "epoch": 3}) with DataParallel "module." names, float32,
# a non-contiguous view (transpose) sharing its storage, a slice at an offset, float16, bfloat16, float64,
# an int64 counter and an nn.Parameter.
import collections
import torch

base = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4) / 8 - 1
sd = collections.OrderedDict()
sd["module.conv.weight"] = base
sd["module.conv.weight_t"] = base.transpose(0, 2)        # shares base's storage, strides (1, 4, 12)
sd["module.row"] = base.reshape(6, 4)[2:4, 1:3]          # offset 9, strides (4, 1)
sd["module.half"] = torch.tensor([0.5, -2.0, 65504.0, 1e-7], dtype=torch.float16)
sd["module.bf16"] = torch.tensor([1.5, -3.25], dtype=torch.bfloat16)
sd["module.double"] = torch.tensor([[1.0 / 3]], dtype=torch.float64)
sd["module.bn.num_batches_tracked"] = torch.tensor(7)
sd["module.param"] = torch.nn.Parameter(torch.tensor([4.0, 5.0]))
torch.save({"state_dict": sd, "epoch": 3}, "small_checkpoint.pt")
