"""Training loops: the LM on real + synthetic text, the RM (LM trunk + value head) on labelled
synthetic traces with an auxiliary next-token loss."""
import random

import torch
import torch.nn.functional as F

import corrupt

from model import LanguageModel, RewardModel


# The evaluation's localisation window: a pivot counts when it falls within this many tokens of the
# error's first token.
ONSET_TOKENS = 8


def lr_at(step, total, peak):
    warm = max(1, total // 20)
    if step < warm:
        return peak * (step + 1) / warm
    progress = (step - warm) / max(1, total - warm)
    return peak * (0.1 + 0.9 * 0.5 * (1 + torch.cos(torch.tensor(progress * 3.14159265)).item()))


def token_stream(encoder, texts, eos):
    ids = []
    for text in texts:
        ids.extend(encoder.encode(text)[0])
        ids.append(eos)
    return torch.tensor(ids, dtype=torch.long)


def labelled_example(encoder, text, spans, max_len, onset_weight=1.0):
    """(ids, targets, weights): target 0 on tokens overlapping an error span [charStart, repair end);
    loss weight `onset_weight` on the first ONSET_TOKENS tokens of each span (where the pivot must
    fall), 1 elsewhere."""
    ids, starts, ends = encoder.encode(text)
    targets = [0.0 if any(end > a and start < b for a, b in spans) else 1.0 for start, end in zip(starts, ends)]
    weights = torch.ones(len(ids))
    for a, _ in spans:
        first = next((t for t, end in enumerate(ends) if end > a), len(ends))
        weights[first : first + ONSET_TOKENS] = onset_weight
    return torch.tensor(ids[:max_len]), torch.tensor(targets[:max_len]), weights[:max_len]


def rm_examples(encoder, rows, max_len, onset_weight=1.0):
    """(ids, targets, weights) per synthetic trace: target 0 on tokens overlapping an unrepaired-error span."""
    out = []
    for row in rows:
        spans = [(e["charStart"], e["repairCharEnd"] if e["repairCharEnd"] is not None else 1 << 30) for e in row["labels"]["errors"]]
        out.append(labelled_example(encoder, row["reasoning"], spans, max_len, onset_weight))
    return out


class Corruptor:
    """Replaces a picked error-free trace, with probability `rate`, by a copy with one equation made
    wrong (corrupt.py) and an unrepaired error from there on: many more error examples per step
    than the generator's one injected error in half of the traces."""

    def __init__(self, encoder, rows, rate, seed, max_len, onset_weight=1.0):
        self.encoder, self.rate, self.max_len, self.onset_weight = encoder, rate, max_len, onset_weight
        self.texts = [None if row["labels"]["errors"] else row["reasoning"] for row in rows]
        self.rng = random.Random(seed)

    def __call__(self, index, example):
        text = self.texts[index]
        if text is None or self.rng.random() >= self.rate:
            return example
        changed = corrupt.corrupt(text, self.rng)
        if changed is None:
            return example
        new_text, error_char = changed
        return labelled_example(self.encoder, new_text, [(error_char, 1 << 30)], self.max_len, self.onset_weight)


def train_lm(cfg, settings, real, synthetic, gen, log, device):
    lm = LanguageModel(cfg).to(device)
    opt = torch.optim.AdamW(lm.parameters(), lr=settings["lr"], weight_decay=0.05, betas=(0.9, 0.95))
    seq, batch = settings["lm_seq"], settings["lm_batch"]
    losses = []
    for step in range(settings["lm_steps"]):
        rows = []
        for i in range(batch):
            stream = real if (i % 2 == 0 and len(real) > seq + 1) else synthetic
            start = torch.randint(0, len(stream) - seq - 1, (1,), generator=gen).item()
            rows.append(stream[start : start + seq + 1])
        x = torch.stack(rows).to(device)
        mask = torch.ones(batch, seq, dtype=torch.long, device=device)
        pos = torch.arange(seq, device=device).unsqueeze(0).expand(batch, -1)
        logits, _ = lm(x[:, :-1], mask, pos)
        loss = F.cross_entropy(logits.reshape(-1, cfg.vocab_size), x[:, 1:].reshape(-1))
        for group in opt.param_groups:
            group["lr"] = lr_at(step, settings["lm_steps"], settings["lr"])
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(lm.parameters(), 1.0)
        opt.step()
        losses.append(loss.item())
        if step % 25 == 0 or step == settings["lm_steps"] - 1:
            log(f"lm step {step} loss {loss.item():.3f}")
    return lm, losses


def pad_batch(examples, pad):
    length = max(len(example[0]) for example in examples)
    ids = torch.full((len(examples), length), pad, dtype=torch.long)
    targets = torch.zeros(len(examples), length)
    weights = torch.zeros(len(examples), length)
    mask = torch.zeros(len(examples), length, dtype=torch.long)
    for i, (x, y, w) in enumerate(examples):
        ids[i, : len(x)], targets[i, : len(y)], weights[i, : len(w)], mask[i, : len(x)] = x, y, w, 1
    return ids, targets, weights, mask


def boundary_ids(vocab):
    """Token ids that end a sentence or line: where distractor text may be spliced in."""
    return {i for i, sym in enumerate(vocab) if sym.endswith(".") or sym.endswith("Ċ")}


DEFAULT_SPLICE = {"rate": 0.5, "count": (1, 4), "length": (8, 49)}


def with_distractors(example, real, boundaries, gen, splice=None):
    """Splices snippets of real reasoning text in at sentence ends (by default 1-3 snippets of 8-48
    tokens in half the traces). Each snippet takes the target of the token it lands before, so
    unfamiliar prose never moves the reward by itself."""
    splice = splice or DEFAULT_SPLICE
    ids, targets, weights = example
    if real is None or torch.rand(1, generator=gen).item() < 1 - splice["rate"]:
        return example
    spots = [k + 1 for k in range(len(ids) - 1) if int(ids[k]) in boundaries]
    if not spots:
        return example
    count = int(torch.randint(*splice["count"], (1,), generator=gen))
    picks = sorted(spots[int(i)] for i in torch.randint(0, len(spots), (count,), generator=gen))
    out_ids, out_targets, out_weights, last = [], [], [], 0
    for k in picks:
        length = int(torch.randint(*splice["length"], (1,), generator=gen))
        start = int(torch.randint(0, len(real) - length, (1,), generator=gen))
        out_ids += [ids[last:k], real[start : start + length]]
        out_targets += [targets[last:k], targets[min(k, len(targets) - 1)].repeat(length)]
        out_weights += [weights[last:k], torch.ones(length)]
        last = k
    out_ids.append(ids[last:])
    out_targets.append(targets[last:])
    out_weights.append(weights[last:])
    return torch.cat(out_ids)[:1024], torch.cat(out_targets)[:1024], torch.cat(out_weights)[:1024]


def clean_pools(examples):
    """Indices of error-free traces (all targets 1) and of traces with an error."""
    clean = [i for i, example in enumerate(examples) if bool((example[1] > 0.5).all())]
    clean_set = set(clean)
    return clean, [i for i in range(len(examples)) if i not in clean_set]


def pick_examples(settings, examples, pools, gen):
    """A batch of trace indices: uniform, or with `clean_share` of error-free traces (a clean trace
    must stay positive over ~150 tokens, so it needs more examples than the generator's 50%)."""
    if pools is None:
        return torch.randint(0, len(examples), (settings["rm_batch"],), generator=gen).tolist()
    picks = []
    for _ in range(settings["rm_batch"]):
        pool = pools[0] if torch.rand(1, generator=gen).item() < settings["clean_share"] else pools[1]
        picks.append(pool[int(torch.randint(0, len(pool), (1,), generator=gen))])
    return picks


def rm_backward(rm, cfg, batch, pad, device, micro_batches, lm_weight=0.5):
    """Accumulates the gradient of reward BCE + lm_weight × next-token loss (both means over the whole
    batch's tokens). With micro_batches > 1 the traces are sorted by length and run in groups, so
    little compute goes to padding. Returns the two losses as floats."""
    order = sorted(range(len(batch)), key=lambda i: len(batch[i][0])) if micro_batches > 1 else list(range(len(batch)))
    size = -(-len(order) // micro_batches)
    groups = [[batch[i] for i in order[k : k + size]] for k in range(0, len(order), size)]
    reward_total = sum(len(example[0]) for example in batch)
    lm_total = sum(len(example[0]) - 1 for example in batch)
    reward_sum = lm_sum = 0.0
    for group in groups:
        ids, targets, token_weights, mask = (t.to(device) for t in pad_batch(group, pad))
        position_ids = (torch.cumsum(mask, dim=1) - 1).clamp(min=0)
        hidden = rm.hidden(ids, mask, position_ids)
        reward_logits = rm.score(hidden).squeeze(-1)
        weight = mask.float()
        reward_loss = (F.binary_cross_entropy_with_logits(reward_logits, targets, reduction="none") * weight * token_weights).sum() / reward_total
        # Next-token loss keeps the trunk learning which results are right (the RM's evidence).
        loss = reward_loss
        if lm_weight > 0:
            lm_logits = F.linear(hidden[:, :-1], rm.model.embed_tokens.weight)
            lm_loss = (F.cross_entropy(lm_logits.reshape(-1, cfg.vocab_size), ids[:, 1:].reshape(-1), reduction="none") * weight[:, 1:].reshape(-1)).sum() / lm_total
            loss = loss + lm_weight * lm_loss
            lm_sum += lm_loss.item()
        loss.backward()
        reward_sum += reward_loss.item()
    return reward_sum, lm_sum


def train_rm(cfg, settings, lm, examples, gen, log, pad, device, real=None, boundaries=frozenset(), init_rm=None, corruptor=None):
    if init_rm is not None:
        rm = init_rm.to(device)  # continue training an existing RM
    else:
        rm = RewardModel(cfg, surprisal=settings.get("surprisal", False)).to(device)
        rm.model.load_state_dict(lm.model.state_dict())  # start from the LM's trunk
        if rm.reader is not None:
            rm.reader.load_state_dict(lm.model.state_dict())  # frozen: the LM as it ships
    trainable = [p for p in rm.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(trainable, lr=settings["lr"], weight_decay=0.05, betas=(0.9, 0.95))
    pools = clean_pools(examples) if "clean_share" in settings else None
    losses = []
    for step in range(settings["rm_steps"]):
        picks = pick_examples(settings, examples, pools, gen)
        chosen = [corruptor(i, examples[i]) if corruptor else examples[i] for i in picks]
        batch = [with_distractors(example, real, boundaries, gen, settings.get("splice")) for example in chosen]
        opt.zero_grad()
        reward_loss, lm_loss = rm_backward(rm, cfg, batch, pad, device, settings.get("micro_batches", 1), settings.get("lm_aux", 0.5))
        for group in opt.param_groups:
            group["lr"] = lr_at(step, settings["rm_steps"], settings["lr"])
        torch.nn.utils.clip_grad_norm_(trainable, 1.0)
        opt.step()
        losses.append(reward_loss)
        if step % 25 == 0 or step == settings["rm_steps"] - 1:
            log(f"rm step {step} reward loss {reward_loss:.3f} lm loss {lm_loss:.3f}")
    return rm, losses


