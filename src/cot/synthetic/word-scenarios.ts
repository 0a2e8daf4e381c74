// Word-problem scenarios. The held-out family keeps three fixed scenarios; the training family
// composes its scenarios from parts (who, containers, items, what happens), so a model trained on
// it cannot tie the arithmetic to a few memorised nouns and has to read the words that decide it:
// "more" or "plus" add, "sells" or "minus" subtract, two "n containers of m items" mean two products.
// No noun or verb of the held-out scenarios appears in the parts.
import { fill, type Rng } from './prng';
import type { FamilyId } from './templates';

export type ScenarioShape = 'product-minus' | 'product-plus' | 'two-products';

export interface Scenario {
  /** Problem statement and restated task, with {a} {b} {c} {d} still to fill. */
  text: string;
  task: string;
  shape: ScenarioShape;
}

const HELDOUT: readonly Scenario[] = [
  { text: 'An orchard has {a} rows of {b} trees, and {c} trees are planted later. How many trees are there?', task: 'count {a} rows of {b} trees plus {c} new trees', shape: 'product-plus' },
  { text: 'A library gets {a} boxes of {b} books and lends out {c} books. How many books remain?', task: 'count {a} boxes of {b} books minus {c} lent out', shape: 'product-minus' },
  { text: 'A factory packs {a} crates of {b} jars and {c} crates of {d} jars. How many jars in total?', task: 'add {a} crates of {b} jars and {c} crates of {d} jars', shape: 'two-products' },
];

const OWNERS = ['A baker', 'Tom', 'A farmer', 'Sara', 'A school', 'A shop', 'Mia', 'A club', 'A team', 'A warehouse', 'Ben', 'A cafe'];
const CONTAINERS = ['bags', 'baskets', 'packs', 'stacks', 'trays', 'bundles', 'cartons', 'tins', 'sets', 'buckets', 'piles', 'sacks'];
const ITEMS = ['apples', 'pencils', 'plates', 'cards', 'stamps', 'coins', 'shells', 'marbles', 'cups', 'tiles', 'bricks', 'eggs', 'cookies', 'pens'];
const GAINS: readonly [string, string][] = [
  ['gets {c} more {items}', 'plus {c} more'],
  ['finds {c} extra {items}', 'plus {c} extra {items}'],
  ['receives {c} more {items}', 'and {c} more {items}'],
  ['is given {c} more {items}', 'plus {c} {items} given'],
  ['buys {c} more {items}', 'plus {c} bought'],
];
const LOSSES: readonly [string, string][] = [
  ['sells {c} {items}', 'minus {c} sold'],
  ['gives away {c} {items}', 'minus {c} given away'],
  ['uses {c} {items}', 'minus {c} used'],
  ['loses {c} {items}', 'minus {c} lost'],
  ['breaks {c} {items}', 'minus {c} broken'],
];
const QUESTIONS: Readonly<Record<ScenarioShape, readonly string[]>> = {
  'product-plus': ['How many {items} are there now?', 'How many {items} does it make?', 'What is the new number of {items}?'],
  'product-minus': ['How many {items} are left?', 'How many {items} stay?', 'How many {items} are still there?'],
  'two-products': ['How many {items} altogether?', 'How many {items} is that?', 'What is the number of {items}?'],
};
const TASK_VERBS = ['count', 'find', 'work out', 'total'];

function composed(rng: Rng): Scenario {
  const shape = rng.pick<ScenarioShape>(['product-minus', 'product-plus', 'two-products']);
  const owner = rng.pick(OWNERS);
  const containers = rng.pick(CONTAINERS);
  const others = CONTAINERS.filter((c) => c !== containers);
  const items = rng.pick(ITEMS);
  const verb = rng.pick(TASK_VERBS);
  const question = rng.pick(QUESTIONS[shape]);
  if (shape === 'two-products') {
    const second = rng.pick(others);
    return {
      shape,
      text: fill(`{owner} has {a} ${containers} of {b} {items} and {c} ${second} of {d} {items}. ${question}`, { owner, items }),
      task: fill(`${verb} {a} ${containers} of {b} {items} and {c} ${second} of {d} {items}`, { items }),
    };
  }
  const [event, taskTail] = rng.pick(shape === 'product-plus' ? GAINS : LOSSES);
  return {
    shape,
    text: fill(`{owner} has {a} ${containers} of {b} {items} and ${event}. ${question}`, { owner, items }),
    task: fill(`${verb} {a} ${containers} of {b} {items} ${taskTail}`, { items }),
  };
}

export function pickScenario(rng: Rng, family: FamilyId): Scenario {
  return family === 'heldout' ? rng.pick(HELDOUT) : composed(rng);
}

/** Every word the held-out scenarios use that the composed ones must avoid (checked in tests). */
export const HELDOUT_SCENARIO_WORDS = ['orchard', 'rows', 'trees', 'planted', 'library', 'boxes', 'books', 'lends', 'lent', 'factory', 'crates', 'jars'];
