"""On-the-fly error injection for RM training: turns one correct equation of an error-free trace into
a wrong result, a flipped sign or a dropped term (the generator's three error kinds), so that every
equation of every clean trace can serve as an error example. The trace then has an unrepaired error
from that character on. Only integer equations written as `a op b ... = r` are touched."""
import random
import re

NUMBER = r"-?\d+(?:/\d+)?"
EQUATION = re.compile(rf"(?<![\w./-])({NUMBER}(?: [×/+-] {NUMBER})+) = ({NUMBER})(?=[.,;:!?\s]|$)")
TERM = re.compile(r"(^|[+-] )(-?\d+)")


def wrong_value(correct, rng):
    """A plausible slip, as the generator makes them: off by 1, 2 or 10, or two digits swapped."""
    options = [correct + 1, correct - 1, correct + 2, correct - 2, correct + 10, correct - 10]
    digits = str(abs(correct))
    if len(digits) >= 2 and digits[0] != digits[1]:
        options.append(int(digits[1] + digits[0] + digits[2:]) * (1 if correct >= 0 else -1))
    valid = [v for v in options if v != correct and v > 0]
    return rng.choice(valid) if valid else correct + 1


def _terms(expression):
    """[(sign, value)] of a sum of integers "a + b - c", or None for products, quotients, fractions."""
    if "×" in expression or "/" in expression:
        return None
    parts = expression.split(" ")
    if len(parts) % 2 == 0:
        return None
    terms = [(1, int(parts[0]))]
    for k in range(1, len(parts), 2):
        terms.append((1 if parts[k] == "+" else -1, int(parts[k + 1])))
    return terms


def _join(terms):
    text = str(terms[0][1])
    for sign, value in terms[1:]:
        text += f" {'+' if sign > 0 else '-'} {value}"
    return text


def corrupt(text, rng, before_char=None):
    """(new text, error charStart) with one equation before `before_char` made wrong, or None when
    the text has no suitable equation. Kinds as in src/cot/synthetic/steps.ts."""
    matches = [m for m in EQUATION.finditer(text) if before_char is None or m.end() <= before_char]
    matches = [m for m in matches if re.fullmatch(r"-?\d+", m.group(2))]
    if not matches:
        return None
    m = rng.choice(matches)
    expression, result = m.group(1), int(m.group(2))
    terms = _terms(expression)
    kinds = ["wrong-result"]
    if terms is not None and len(terms) >= 2:
        kinds.append("wrong-sign")
    if terms is not None and len(terms) >= 3:
        kinds.append("dropped-term")
    kind = rng.choice(kinds)
    head, tail = text[: m.start()], text[m.end():]
    if kind == "wrong-result":
        new = f"{expression} = {wrong_value(result, rng)}"
        return head + new + tail, m.start() + len(expression) + 3
    if kind == "wrong-sign":
        flip = rng.randrange(1, len(terms))
        flipped = [(-s, v) if i == flip else (s, v) for i, (s, v) in enumerate(terms)]
        new_expression = _join(flipped)
        operator_char = len(_join(flipped[:flip])) + 1
        return head + f"{new_expression} = {sum(s * v for s, v in flipped)}" + tail, m.start() + operator_char
    kept = terms[:-1]
    new_expression = _join(kept)
    return head + f"{new_expression} = {sum(s * v for s, v in kept)}" + tail, m.start() + len(new_expression)


if __name__ == "__main__":
    rng = random.Random(1)
    sample = "Begin with 8 × 5 = 40. Combining, 40 + 27 - 17 = 50. Wait, checking 9 - 2 = 7. Fine. Hence 14 / 4 = 7/2."
    for _ in range(6):
        out, at = corrupt(sample, rng)
        print(repr(out[at:at + 12]), "|", out)
