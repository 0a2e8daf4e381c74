// Phrase families. Training and held-out evaluation use disjoint families, so a model scored on
// held-out traces cannot have memorised their wording.

export type FamilyId = 'train' | 'heldout';

export interface TemplateFamily {
  id: FamilyId;
  restate: readonly string[];
  understand: readonly string[];
  opener: readonly string[];
  abandonOpener: readonly string[];
  abandon: readonly string[];
  leadFirst: readonly string[];
  leadNext: readonly string[];
  leadLast: readonly string[];
  /** Short asides between steps ("Hmm."). */
  interject: readonly string[];
  firstAnswer: readonly string[];
  reflectOk: readonly string[];
  repair: readonly string[];
  redoOpener: readonly string[];
  checkOpener: readonly string[];
  agree: readonly string[];
  shallowVerify: readonly string[];
  conclusion: readonly string[];
  answer: readonly string[];
}

const train: TemplateFamily = {
  id: 'train',
  restate: [
    'Okay, so I need to {task}. Let me think about this step by step.',
    'Okay, let me see. The problem asks me to {task}.',
    'So I have to {task}. Hmm, let me work through it.',
    'Alright, so the task is to {task}.',
    'Hmm, okay. I am supposed to {task}. Let me take it slowly.',
    'Let me make sure I understand: I need to {task}.',
    'First, let me restate the problem. I have to {task}.',
    'The problem: {task}. Let me think.',
    'Okay, I need to {task}. Should not be too hard.',
    'So the goal is to {task}.',
    'Hmm, I have to {task}. Let me see how to approach it.',
    'We are asked to {task}. Let me start.',
  ],
  understand: [
    'First, I should figure out what quantities are involved before calculating anything.',
    'This looks like a problem where I just need to be careful with each operation.',
    'I think the key here is to do one operation at a time.',
    'Nothing tricky here, I think, but I should keep track of every number.',
    'Let me plan: compute the pieces first, then combine them.',
    'I should write down each intermediate value so nothing gets lost.',
    'It helps to split this into a few smaller calculations.',
    'Let me be systematic about it.',
  ],
  opener: [
    'Let me start with the direct approach.',
    'Alright, let me compute it piece by piece.',
    'Let me just calculate.',
    'Okay, so let me work it out.',
    'I will go step by step.',
    'Let me write out each step.',
    'Direct computation should work here.',
    'Let me do the arithmetic carefully.',
    'I can just evaluate everything in order.',
    'The straightforward way first.',
  ],
  abandonOpener: ['Maybe I can {method}.', 'One idea is to {method}.', 'Hmm, what if I {method}?', 'I could try to {method}.'],
  abandon: [
    'Hmm, this is getting messy. Let me try a different approach.',
    'Actually, that does not seem to lead anywhere quickly. Let me start over.',
    'No, that is more complicated than it needs to be. Let me just do it directly.',
    'Wait, maybe there is a simpler way. Let me switch approaches.',
    'That is not going anywhere. Let me go back and do it the normal way.',
    'Hmm, too complicated. Scrap that.',
  ],
  leadFirst: [
    'First, ', 'To begin, ', 'Starting with the first part, ', 'Okay, ', 'So first, ', 'Let me compute ', 'The first part: ',
    'Right, ', 'I start with ', 'Step one: ', 'Well, ', 'Computing, ', 'Here ', 'We get ', 'Initially, ', '',
    'Now, ', 'So, ', 'Start: ', 'Let me see, ', 'Calculating, ', 'Okay so ', 'For the first piece, ',
  ],
  leadNext: [
    'Then ', 'Next, ', 'Now ', 'After that, ', 'And ', 'Then I get ', 'Second, ', 'Similarly, ', 'Moving on, ',
    'The other part: ', 'Plus, ', 'Likewise, ', 'OK, and ', 'Now for the next piece, ', 'Following that, ', '',
    'Next up, ', 'Then, ', 'So then I compute ', 'Another piece: ', 'Further, ', 'In addition, ', 'And also ',
  ],
  leadLast: [
    'So ', 'Putting it together, ', 'Finally, ', 'Altogether, ', 'That means ', 'Now combining, ', 'Thus ', 'In total, ',
    'Adding up, ', 'This gives ', 'At the end, ', 'Overall, ', 'So then ', 'Which makes ', '',
    'Therefore ', 'Summing up, ', 'Together that is ', 'Put together, ', 'The final step: ', 'And so ', 'Last, ',
  ],
  interject: ['Hmm.', 'Okay.', 'Let me keep going.', 'Right.', 'That part is easy.', 'Good.', 'Let me be careful here.', 'So far so good.', 'Alright.', 'Makes sense.', 'Nice.', 'Easy enough.', 'Okay, moving on.', 'Let me continue.'],
  firstAnswer: ['So the answer is {answer}.', 'That gives {answer}.', 'Therefore it is {answer}.', 'So the result is {answer}.', 'That makes it {answer}.', 'I end up with {answer}.', 'So I get {answer} as the result.', 'That should be {answer}.', 'The value comes out to {answer}.', 'Looks like it is {answer}.'],
  reflectOk: [
    'Wait, let me double-check that: {expression} = {value}. Yes, that is right.',
    'Wait, is {expression} really {value}? Yes.',
    'Hmm, {expression}, that is {value}. Okay.',
    'Let me check: {expression} = {value}. Correct.',
    'Wait, {expression} gives {value}, right? Yes.',
    'Hmm, let me confirm {expression} = {value}. Yes.',
    'Quick check: {expression} is {value}. Good.',
    'Wait, {expression}... {value}. That is correct.',
  ],
  repair: [
    'Wait, that is not right. {expression} = {correct}, not {wrong}. Let me fix that.',
    'Hold on, I made a mistake: {expression} is {correct}, not {wrong}.',
    'Wait, no. {expression} should be {correct}. I wrote {wrong} by mistake.',
    'Hmm, let me recheck. {expression} = {correct}, so {wrong} was a slip.',
    'Wait, I think I messed up: {expression} gives {correct}, not {wrong}.',
    'Hmm, that is off. {expression} is actually {correct}, not {wrong}.',
    'Hold on, {wrong} is wrong, {expression} = {correct}.',
  ],
  redoOpener: ['Let me redo the calculation to be sure.', 'Let me go through it once more.', 'Let me recompute everything.', 'Just to be safe, again:', 'Let me repeat the calculation.', 'Let me double-check by redoing it.', 'I will recompute it once more.'],
  checkOpener: ['Let me verify this another way.', 'Alternatively, I can check it differently.', 'Let me double-check with another method.', 'To verify, let me try a different order.', 'Let me confirm with another route.', 'Another way to check:', 'Let me cross-check using a different approach.'],
  agree: ['That matches, so {answer} is correct.', 'Good, everything is consistent.', 'Same result, {answer}.', 'Yes, it checks out.', 'Consistent with before.', 'Great, the two methods agree on {answer}.', 'It matches: {answer}.', 'Again {answer}, good.', 'Both give {answer}.', 'The check confirms {answer}.'],
  shallowVerify: ['Let me make sure. Yes, that seems right.', 'I think that is correct.', 'That looks fine.', 'Okay, I am fairly confident.', 'Seems reasonable.', 'I do not see any problem with that.', 'That should be it.', 'I believe this is right.', 'No obvious mistakes.', 'Looks right to me.'],
  conclusion: ['So the final answer is {answer}.', 'Therefore, the answer is {answer}.', 'So the answer should be {answer}.', 'So the answer is {answer}.', 'The final result is {answer}.', 'Therefore {answer} is the answer.'],
  answer: ['The answer is $\\boxed{{answer}}$.', '**Final answer:** $\\boxed{{answer}}$'],
};

const heldout: TemplateFamily = {
  id: 'heldout',
  restate: [
    'Alright, the question wants me to {task}.',
    'Let me read this again: I am asked to {task}.',
  ],
  understand: ['The plan is to break the computation into small pieces.'],
  opener: ['I will work it out directly.', 'Let me set up the computation.'],
  abandonOpener: ['Perhaps I could {method}.'],
  abandon: ['No, this route is too roundabout. Let me do it another way.'],
  leadFirst: ['We have ', 'Begin with '],
  interject: ['Fine.', 'Continuing.'],
  leadNext: ['Also, ', 'And then '],
  leadLast: ['Hence ', 'Combining, '],
  firstAnswer: ['So I get {answer}.'],
  reflectOk: ['Wait, checking {expression} again gives {value}. Fine.'],
  repair: ['Wait, no. Actually {expression} equals {correct}, so {wrong} was wrong.'],
  redoOpener: ['To be safe I will repeat the computation.'],
  checkOpener: ['As a check, let me use a different method.'],
  agree: ['Both agree, so {answer} holds.'],
  shallowVerify: ['Looks fine to me.'],
  conclusion: ['Thus the result is {answer}.'],
  answer: ['$\\boxed{{answer}}$'],
};

export const TEMPLATE_FAMILIES: Readonly<Record<FamilyId, TemplateFamily>> = { train, heldout };
