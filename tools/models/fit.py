"""Training loops: the LM on real + synthetic text, the RM (LM trunk + value head) on labelled
synthetic traces with an auxiliary next-token loss."""
import torch
import torch.nn.functional as F

from model import LanguageModel, RewardModel


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


def rm_examples(encoder, rows, max_len):
    """(ids, targets) per synthetic trace: target 0 on tokens overlapping an unrepaired-error span."""
    out = []
    for row in rows:
        ids, starts, ends = encoder.encode(row["reasoning"])
        spans = [(e["charStart"], e["repairCharEnd"] if e["repairCharEnd"] is not None else 1 << 30) for e in row["labels"]["errors"]]
        targets = [0.0 if any(end > a and start < b for a, b in spans) else 1.0 for start, end in zip(starts, ends)]
        out.append((torch.tensor(ids[:max_len]), torch.tensor(targets[:max_len])))
    return out


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
    length = max(len(ids) for ids, _ in examples)
    ids = torch.full((len(examples), length), pad, dtype=torch.long)
    targets = torch.zeros(len(examples), length)
    mask = torch.zeros(len(examples), length, dtype=torch.long)
    for i, (x, y) in enumerate(examples):
        ids[i, : len(x)], targets[i, : len(y)], mask[i, : len(x)] = x, y, 1
    return ids, targets, mask


def boundary_ids(vocab):
    """Token ids that end a sentence or line: where distractor text may be spliced in."""
    return {i for i, sym in enumerate(vocab) if sym.endswith(".") or sym.endswith("Ċ")}


def with_distractors(example, real, boundaries, gen):
    """Splices 1-3 snippets of real reasoning text in at sentence ends. Each snippet takes the
    target of the token it lands before, so unfamiliar prose never moves the reward by itself."""
    ids, targets = example
    if real is None or torch.rand(1, generator=gen).item() < 0.5:
        return example
    spots = [k + 1 for k in range(len(ids) - 1) if int(ids[k]) in boundaries]
    if not spots:
        return example
    picks = sorted(spots[int(i)] for i in torch.randint(0, len(spots), (int(torch.randint(1, 4, (1,), generator=gen)),), generator=gen))
    out_ids, out_targets, last = [], [], 0
    for k in picks:
        length = int(torch.randint(8, 49, (1,), generator=gen))
        start = int(torch.randint(0, len(real) - length, (1,), generator=gen))
        out_ids += [ids[last:k], real[start : start + length]]
        out_targets += [targets[last:k], targets[min(k, len(targets) - 1)].repeat(length)]
        last = k
    out_ids.append(ids[last:])
    out_targets.append(targets[last:])
    return torch.cat(out_ids)[:1024], torch.cat(out_targets)[:1024]


def train_rm(cfg, settings, lm, examples, gen, log, pad, device, real=None, boundaries=frozenset(), init_rm=None):
    if init_rm is not None:
        rm = init_rm.to(device)  # continue training an existing RM
    else:
        rm = RewardModel(cfg).to(device)
        rm.model.load_state_dict(lm.model.state_dict())  # start from the LM's trunk
    opt = torch.optim.AdamW(rm.parameters(), lr=settings["lr"], weight_decay=0.05, betas=(0.9, 0.95))
    losses = []
    for step in range(settings["rm_steps"]):
        picks = torch.randint(0, len(examples), (settings["rm_batch"],), generator=gen).tolist()
        batch = [with_distractors(examples[i], real, boundaries, gen) for i in picks]
        ids, targets, mask = (t.to(device) for t in pad_batch(batch, pad))
        position_ids = (torch.cumsum(mask, dim=1) - 1).clamp(min=0)
        hidden, _ = rm.model(ids, mask, position_ids)
        reward_logits = rm.score(hidden).squeeze(-1)
        weight = mask.float()
        reward_loss = (F.binary_cross_entropy_with_logits(reward_logits, targets, reduction="none") * weight).sum() / weight.sum()
        # Next-token loss keeps the trunk learning which results are right (the RM's evidence).
        lm_logits = F.linear(hidden[:, :-1], rm.model.embed_tokens.weight)
        lm_loss = (F.cross_entropy(lm_logits.reshape(-1, cfg.vocab_size), ids[:, 1:].reshape(-1), reduction="none") * weight[:, 1:].reshape(-1)).sum() / weight[:, 1:].sum()
        loss = reward_loss + 0.5 * lm_loss
        for group in opt.param_groups:
            group["lr"] = lr_at(step, settings["rm_steps"], settings["lr"])
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(rm.parameters(), 1.0)
        opt.step()
        losses.append(reward_loss.item())
        if step % 25 == 0 or step == settings["rm_steps"] - 1:
            log(f"rm step {step} reward loss {reward_loss.item():.3f} lm loss {lm_loss.item():.3f}")
    return rm, losses


