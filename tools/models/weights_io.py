"""Plain float32 weight files (a .bin of concatenated tensors + a .json index), so weights trained
with one PyTorch version (e.g. on a GPU machine) load in another (Debian's 1.13 for the export)."""
import json

import torch


def save(module, path):
    index, offset = [], 0
    with open(path + ".bin", "wb") as f:
        for name, tensor in module.state_dict().items():
            data = tensor.detach().to("cpu", torch.float32).contiguous()
            f.write(data.numpy().tobytes())
            index.append({"name": name, "shape": list(data.shape), "offset": offset})
            offset += data.numel() * 4
    with open(path + ".json", "w") as f:
        json.dump(index, f)


def load(module, path):
    with open(path + ".json") as f:
        index = json.load(f)
    with open(path + ".bin", "rb") as f:
        blob = f.read()
    state = {}
    for entry in index:
        count = 1
        for size in entry["shape"]:
            count *= size
        flat = torch.frombuffer(bytearray(blob[entry["offset"] : entry["offset"] + 4 * count]), dtype=torch.float32)
        state[entry["name"]] = flat.reshape(entry["shape"]).clone()
    module.load_state_dict(state)
    return module


def load_rm(cfg, path):
    """A RewardModel, with the surprisal reader when the saved weights have one."""
    from model import RewardModel

    with open(path + ".json") as f:
        surprisal = any(entry["name"].startswith("reader.") for entry in json.load(f))
    return load(RewardModel(cfg, surprisal=surprisal), path)
