"""Byte-level BPE: training, encoding with character offsets, and tokenizer.json output.

The pre-tokenizer regex is written with explicit character classes so that Python's `re` here and
JavaScript's RegExp in @huggingface/tokenizers split text identically (same ids at train and score
time). Digits are split one by one, which helps a small model with arithmetic.
"""
import heapq
import json
import re
import sys
import unicodedata
from collections import Counter

# The whitespace set of JavaScript's \s, spelled out (Python's \s differs on a few code points).
JS_SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
# Pattern stored in tokenizer.json (JavaScript flavour, \p classes allowed there).
JS_PATTERN = f" ?\\p{{L}}+| ?\\p{{N}}| ?[^{JS_SPACE}\\p{{L}}\\p{{N}}]+|[{JS_SPACE}]+(?![^{JS_SPACE}])|[{JS_SPACE}]+"
SPECIAL = "<|endoftext|>"


def _class_ranges(prefix):
    """A regex character class body listing every code point whose category starts with prefix."""
    parts, start, prev = [], None, None
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        hit = unicodedata.category(chr(cp)).startswith(prefix)
        if hit and start is None:
            start = cp
        if not hit and start is not None:
            parts.append((start, prev))
            start = None
        prev = cp
    if start is not None:
        parts.append((start, prev))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in parts)


def python_pattern():
    letters, numbers = _class_ranges("L"), _class_ranges("N")
    space = JS_SPACE.encode().decode("unicode_escape")
    space = "".join(re.escape(c) if c != "-" else "-" for c in space)
    space = space.replace("\\ ", " ")
    return re.compile(
        f" ?[{letters}]+| ?[{numbers}]| ?[^{space}{letters}{numbers}]+|[{space}]+(?![^{space}])|[{space}]+"
    )


def bytes_to_unicode():
    """GPT-2's reversible byte -> printable character map (what ByteLevel uses)."""
    visible = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    chars = visible[:]
    extra = 0
    for b in range(256):
        if b not in visible:
            visible.append(b)
            chars.append(256 + extra)
            extra += 1
    return {b: chr(c) for b, c in zip(visible, chars)}


BYTE_CHARS = bytes_to_unicode()


def train_bpe(texts, vocab_size, pattern):
    """Returns (vocab list of symbol strings, merges list of (a, b)); ids = list index."""
    words = Counter()
    for text in texts:
        for piece in pattern.findall(text):
            words[piece] += 1
    vocab = [BYTE_CHARS[b] for b in range(256)]
    index = {s: i for i, s in enumerate(vocab)}
    seqs = [[index[BYTE_CHARS[b]] for b in w.encode("utf-8")] for w in words]
    freqs = list(words.values())
    stats, where = Counter(), {}
    for wi, seq in enumerate(seqs):
        for pair in zip(seq, seq[1:]):
            stats[pair] += freqs[wi]
            where.setdefault(pair, set()).add(wi)
    heap = [(-c, p) for p, c in stats.items()]
    heapq.heapify(heap)
    merges = []
    while len(vocab) < vocab_size - 1 and heap:
        count, pair = heapq.heappop(heap)
        if stats.get(pair, 0) != -count or count == 0:
            continue
        new_id = len(vocab)
        vocab.append(vocab[pair[0]] + vocab[pair[1]])
        merges.append(pair)
        _apply_merge(pair, new_id, seqs, freqs, stats, where, heap)
    return vocab, merges


def _apply_merge(pair, new_id, seqs, freqs, stats, where, heap):
    changed = Counter()
    for wi in sorted(where.pop(pair, ())):
        seq, f = seqs[wi], freqs[wi]
        for p in zip(seq, seq[1:]):
            changed[p] -= f
        out, i = [], 0
        while i < len(seq):
            if i + 1 < len(seq) and seq[i] == pair[0] and seq[i + 1] == pair[1]:
                out.append(new_id)
                i += 2
            else:
                out.append(seq[i])
                i += 1
        seqs[wi] = out
        for p in zip(out, out[1:]):
            changed[p] += f
            where.setdefault(p, set()).add(wi)
    for p, delta in changed.items():
        if delta == 0:
            continue
        stats[p] += delta
        if stats[p] <= 0:
            del stats[p]
        else:
            heapq.heappush(heap, (-stats[p], p))
    stats.pop(pair, None)


class Encoder:
    def __init__(self, vocab, merges, pattern):
        self.vocab = vocab
        self.ids = {s: i for i, s in enumerate(vocab)}
        self.ranks = {(vocab[a], vocab[b]): r for r, (a, b) in enumerate(merges)}
        self.pattern = pattern
        self.cache = {}

    def _bpe(self, piece):
        hit = self.cache.get(piece)
        if hit is not None:
            return hit
        syms = [BYTE_CHARS[b] for b in piece.encode("utf-8")]
        while len(syms) > 1:
            best = min(range(len(syms) - 1), key=lambda i: self.ranks.get((syms[i], syms[i + 1]), 1 << 30))
            if (syms[best], syms[best + 1]) not in self.ranks:
                break
            syms[best : best + 2] = [syms[best] + syms[best + 1]]
        out = [self.ids[s] for s in syms]
        self.cache[piece] = out
        return out

    def encode(self, text):
        """Token ids and the [charStart, charEnd) of each token (a token inside a character gets it whole)."""
        ids, starts, ends = [], [], []
        for m in self.pattern.finditer(text):
            piece = m.group(0)
            char_of_byte = []
            for ci, ch in enumerate(piece):
                char_of_byte.extend([ci] * len(ch.encode("utf-8")))
            byte_pos = 0
            for tid in self._bpe(piece):
                nbytes = len(self.vocab[tid])  # one symbol char per byte
                first, last = char_of_byte[byte_pos], char_of_byte[byte_pos + nbytes - 1]
                ids.append(tid)
                starts.append(m.start() + first)
                ends.append(m.start() + last + 1)
                byte_pos += nbytes
        return ids, starts, ends


def tokenizer_json(vocab, merges):
    special_id = len(vocab)
    byte_level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": False}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": special_id, "content": SPECIAL, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
        ],
        "normalizer": None,
        "pre_tokenizer": {
            "type": "Sequence",
            "pretokenizers": [
                {"type": "Split", "pattern": {"Regex": JS_PATTERN}, "behavior": "Isolated", "invert": False},
                byte_level,
            ],
        },
        "post_processor": None,
        "decoder": byte_level,
        "model": {
            "type": "BPE",
            "dropout": None,
            "unk_token": None,
            "continuing_subword_prefix": None,
            "end_of_word_suffix": None,
            "fuse_unk": False,
            "byte_fallback": False,
            "ignore_merges": False,
            "vocab": {s: i for i, s in enumerate(vocab)},
            "merges": [[vocab[a], vocab[b]] for a, b in merges],
        },
    }


def write_tokenizer(folder, vocab, merges, max_length):
    with open(f"{folder}/tokenizer.json", "w", encoding="utf-8") as f:
        json.dump(tokenizer_json(vocab, merges), f, ensure_ascii=False, separators=(",", ":"))
    config = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": max_length,
        "add_bos_token": False,
        "add_eos_token": False,
        "bos_token": None,
        "eos_token": SPECIAL,
        "pad_token": SPECIAL,
        "unk_token": None,
        "clean_up_tokenization_spaces": False,
    }
    with open(f"{folder}/tokenizer_config.json", "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
