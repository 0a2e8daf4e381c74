// Phrases that open a unit and signal its role, read from many real traces (QwQ / Sky-T1,
// R1 and its distills, DeltaBench's o1-like models). Matched against the start of a unit only,
// case-insensitively, so the scan costs a few hundred characters per paragraph.

export interface CueMatch {
  kind: string;
  text: string;
  /** Evidence strength: >= 1 opens an approach on its own; smaller ones need a second signal. */
  weight: number;
}

interface CueRule {
  kind: string;
  weight: number;
  pattern: RegExp;
}

const I = String.raw`(?:i|we)`;
const MODAL = String.raw`(?:should|could|can|might|need to|will|'ll|have to)`;
const FILLER = String.raw`(?:(?:wait|hmm+|ok(?:ay)?|so|but|well|oh|ah|actually|no|alright|now|then)[,.!]?\s+)*`;

/** New-approach cues: the model changes strategy for the same problem. */
const APPROACH_RULES: CueRule[] = [
  // "Alternatively, I can use X" changes method; "alternatively, maybe 10 is the maximum" only muses.
  { kind: 'alternatively', weight: 1, pattern: new RegExp(String.raw`^(?:or\s*,?\s*)?alternative(?:ly)?\b[,:]?\s+(?:(?:maybe|perhaps|instead|again)[,]?\s+)?(?:${I} (?:can|could|should|might|may|will|'ll|need to|try|use|consider|think|look|approach|compute|express|set|model|count)|let(?:'s| me| us)|(?:consider|use|using|think|look|try|by|approach|compute|express|set|model|count|suppose|assume|write|apply|observe|notice)\b|there(?:'s| is| might be| may be) a)`, 'i') },
  { kind: 'alternatively-weak', weight: 0.6, pattern: /^(?:or\s*,?\s*)?alternative(?:ly)?\b/i },
  { kind: 'another-way', weight: 1, pattern: new RegExp(String.raw`^${FILLER}(?:here's |there's |there is )?(?:an?other|a different|a new|a better|a smarter|a simpler|a cleaner|an easier|an alternative) (?:approach|way|method|idea|strategy|angle|perspective|tactic|route)`, 'i') },
  { kind: 'try-different', weight: 1, pattern: new RegExp(String.raw`^${FILLER}(?:let me|let's|let us|${I} ${MODAL}|maybe ${I} ${MODAL}|perhaps ${I} ${MODAL}) (?:try|use|take|consider|think of|look for|attempt|go with) (?:an?other|a different|a new|an alternative|a better|a simpler|a smarter|a more)`, 'i') },
  { kind: 'start-over', weight: 1, pattern: new RegExp(String.raw`^${FILLER}(?:let me|let's|let us|${I} ${MODAL}|maybe ${I} ${MODAL}) (?:start over|start again|restart|start from scratch|begin again|go back to the (?:beginning|start|drawing board)|rethink|re-?approach|re-?examine the (?:problem|approach)|reconsider the (?:problem|approach))`, 'i') },
  { kind: 'think-again', weight: 1, pattern: new RegExp(String.raw`^${FILLER}(?:(?:maybe|perhaps),? )?(?:let me|let's|let us|${I} ${MODAL})(?: try to)? (?:think|look at (?:this|it|the problem)|approach (?:this|it|the problem)) (?:differently|again|another way|in (?:a|another) (?:different )?way|about (?:this|it) differently)`, 'i') },
  { kind: 'better-way', weight: 1, pattern: new RegExp(String.raw`^${FILLER}(?:maybe|perhaps|surely|i think)? ?(?:there(?:'s| is| must be| might be| should be| has to be)|is there) (?:a |an )?(?:better|smarter|simpler|easier|cleverer|more (?:efficient|direct|elegant|straightforward)|different|another|alternative)`, 'i') },
  { kind: 'instead', weight: 1, pattern: new RegExp(String.raw`^${FILLER}(?:instead\b|rather than)`, 'i') },
  { kind: 'one-approach', weight: 1, pattern: /^(?:one (?:approach|way|method|idea) (?:is|could be|might be|would be)|to approach this|let me think about how to approach|(?:my|the) (?:plan|strategy) (?:is|will be))/i },
  { kind: 'wait-maybe', weight: 0.8, pattern: new RegExp(String.raw`^(?:wait|hmm+|hold on)[,.!]*\s+(?:a (?:minute|second|moment)[,.!]*\s+)?(?:maybe|perhaps|what if|actually,? (?:maybe|perhaps)|i (?:think|wonder if) (?:i|we) (?:should|could|can|need))`, 'i') },
  { kind: 'maybe-should', weight: 0.7, pattern: new RegExp(String.raw`^${FILLER}(?:maybe|perhaps) ${I} (?:should|could|can|need to|might) (?:try|use|consider|look|think|approach|instead|find|fix|set|model|express|parametri[sz]e|work|start|go|apply|compute|count|write|check (?:small|specific))`, 'i') },
  { kind: 'what-if', weight: 0.7, pattern: new RegExp(String.raw`^${FILLER}(?:what if|suppose (?:i|we) (?:start|try|instead|use)|how about)`, 'i') },
  { kind: 'let-me-consider', weight: 0.5, pattern: new RegExp(String.raw`^${FILLER}(?:let me|let's|let us) (?:consider|try|think about|look at|use|approach|model|parametri[sz]e|set up)`, 'i') },
  { kind: 'stuck', weight: 0.5, pattern: /^(?:this (?:is|seems) (?:getting )?(?:too |very |a bit )?(?:complicated|messy|confusing|tricky|difficult|complex|tedious)|(?:this|that) (?:approach |method )?(?:isn't|is not|doesn't seem|does not seem) (?:working|helpful|to (?:help|work|lead))|not (?:working|helpful)|i'm stuck|i'm not (?:sure|making progress))/i },
];

/** Stance cues for verification steps. Negation wins over affirmation when both occur. */
const NEGATE = /(?:that(?:'s| is) (?:wrong|incorrect|not (?:right|correct))|(?:can't|cannot|couldn't) be (?:right|correct)|\bmistakes?\b|\berror\b|miscalculat|contradict|(?:doesn't|does not|don't|do not) (?:match|add up|make sense|work|satisfy)|inconsistent|\bnot (?:correct|right|valid|possible)\b|this is wrong|discrepancy)/i;
const AFFIRM = /\b(?:checks? out|(?:is|seems|looks|appears) (?:correct|right|consistent|valid|good|fine)|that(?:'s| is) (?:correct|right|consistent)|confirm(?:s|ed)?|consistent|matches|agrees|verified|makes sense|same (?:answer|result)|as (?:before|expected)|so (?:yes|indeed)|indeed)/i;
/** Opens an explicit check of earlier work ("let me verify", "double-checking"). */
const VERIFY_OPEN = /^(?:(?:wait|hmm+|but|ok(?:ay)?|so|now)(?: a (?:minute|second|moment))?[,.!]?\s+)*(?:let me|let's|let us|i(?:'ll| will| should| can| need to)|to be (?:sure|safe|thorough)|just to)\s+(?:double[- ]?check|check|verify|confirm|make sure|re-?check|re-?verify|re-?examine|re-?calculate|recompute|re-?compute|test|plug|sanity[- ]check|see if (?:this|that) (?:is|makes))|^(?:double[- ]?check|verification|check(?:ing)?)\b/i;
/** A bare doubt also opens a check step in Verify, but is not evidence that a value is being verified. */
const DOUBT_OPEN = /^(?:wait|hmm+|hold on|but wait)\b/i;

/** A cue pattern run in place at a paragraph start: sticky, either apostrophe accepted. */
function sticky(pattern: RegExp): RegExp {
  return new RegExp(pattern.source.replace(/\^/g, '').replaceAll("'", "['\u2018\u2019]"), 'iy');
}

function stickyAt(pattern: RegExp, text: string, charStart: number, charEnd: number): string | null {
  pattern.lastIndex = charStart;
  const m = pattern.exec(text);
  return m !== null && m[0].length <= charEnd - charStart ? m[0] : null;
}

const VERIFY_OPEN_AT = sticky(VERIFY_OPEN);
const DOUBT_OPEN_AT = sticky(DOUBT_OPEN);

const RESTATE = /^(?:(?:okay|ok|alright|all right|so|well|hmm+)[,.!]?\s+)*(?:(?:so |now )?(?:i|we)(?:'ve| have)? (?:got|have|need|am|are|'m|'re)\b|let(?:'s| me| us) (?:tackle|see|try to (?:figure|solve|understand)|figure|solve|start|read|break|understand)|(?:the|this) (?:problem|question)\b|here(?:'s| is) (?:the|a) problem|given\b|we are given|i'm (?:trying|given|supposed|asked))/i;
const CONCLUDE = /^(?:\*\*\s*)?(?:final answer|(?:so|thus|therefore|hence|in conclusion|in summary|to summarize|overall|after (?:all|careful)|finally|putting (?:it|this) (?:all )?together)[,:]?\s+(?:the (?:final )?answer|the (?:number|value|result|sum|probability|area|minimum|maximum|length)|(?:i(?:'m| am)|we(?:'re| are)) (?:confident|sure)|(?:i|we) (?:think|conclude|believe|can conclude)|after|all|everything|it\b|the)|the (?:final )?answer is|i(?:'m| am) (?:confident|sure|fairly confident) (?:that|the|in))/i;

// Patterns are case-insensitive; only typographic apostrophes need normalising (same length).
// Approach rules instead accept either apostrophe, so they can run on the text in place.
function lower(lead: string): string {
  return lead.includes('\u2019') || lead.includes('\u2018') ? lead.replace(/[\u2018\u2019]/g, "'") : lead;
}

// Every approach rule starts with one of these words (fillers included): a cheap first filter,
// since most paragraphs start with something else. Words are compared by a case-folded hash.
const APPROACH_FIRST_WORDS = ('wait hmm ok okay so but well oh ah actually no alright now then or alternative alternatively ' +
  "here's there's there is an another a let let's i we maybe perhaps surely instead rather one to my the hold what suppose how this that not i'm").split(' ');
const MAX_FIRST_WORD = 16;

/** Hash of the lower-cased leading word (letters and apostrophes; any "hmm…" counts as "hmm"). */
function firstWordHash(text: string, charStart: number, charEnd: number): number {
  let hash = 0;
  let length = 0;
  const limit = Math.min(charEnd, charStart + MAX_FIRST_WORD);
  for (let i = charStart; i < limit; i++) {
    let c = text.charCodeAt(i);
    if (c === 0x2019 || c === 0x2018) c = 39;
    else if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || c === 39)) break;
    // "hmmm" is "hmm".
    if (c === 109 && length >= 3 && hash === HMM) continue;
    hash = (Math.imul(hash, 31) + c) | 0;
    length++;
  }
  return hash;
}

function wordHash(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
  return hash;
}

const HMM = wordHash('hmm');
const FIRST_WORD_HASHES = new Set(APPROACH_FIRST_WORDS.map(wordHash));

// All approach rules as one sticky, case-insensitive alternation (one regex run per paragraph
// instead of one per rule). Alternatives are tried in rule order at the same position, so the
// first rule that matches wins, as in a loop over the rules. Typographic apostrophes are accepted
// in place, so the text needs no normalised copy.
// Consecutive rules that open with the same filler words share one filler match (so the filler
// is read once, not once per rule); the rule order is otherwise kept.
const RULE_GROUP_OFFSETS: number[] = [];
const COMBINED_RULES = (() => {
  const parts: string[] = [];
  let fillerRun: string[] = [];
  const flush = () => {
    if (fillerRun.length > 0) parts.push(`${FILLER}(?:${fillerRun.join('|')})`);
    fillerRun = [];
  };
  let group = 1;
  for (const rule of APPROACH_RULES) {
    const source = rule.pattern.source.replace(/^\^/, '').replaceAll("'", "['\u2018\u2019]");
    const fillerSource = FILLER.replaceAll("'", "['\u2018\u2019]");
    RULE_GROUP_OFFSETS.push(group);
    group += 1 + (new RegExp(`${source}|`).exec('')!.length - 1);
    if (source.startsWith(fillerSource)) {
      fillerRun.push(`(${source.slice(fillerSource.length)})`);
    } else {
      flush();
      parts.push(`(${source})`);
    }
  }
  flush();
  return new RegExp(parts.join('|'), 'iy');
})();

/** The strongest new-approach cue at text[charStart, charEnd) (default: all of `text`), or null. */
export function matchApproachCue(text: string, charStart = 0, charEnd = text.length): CueMatch | null {
  if (!FIRST_WORD_HASHES.has(firstWordHash(text, charStart, charEnd))) return null;
  COMBINED_RULES.lastIndex = charStart;
  const m = COMBINED_RULES.exec(text);
  if (!m || m[0].length > charEnd - charStart) return null;
  for (let r = 0; r < APPROACH_RULES.length; r++) {
    if (m[RULE_GROUP_OFFSETS[r]] !== undefined) return { kind: APPROACH_RULES[r].kind, text: m[0], weight: APPROACH_RULES[r].weight };
  }
  return null;
}

/** Whether `lead` opens a check of earlier work (not a new method). */
export function matchCheckOpen(text: string, charStart = 0, charEnd = text.length): CueMatch | null {
  const m = stickyAt(VERIFY_OPEN_AT, text, charStart, charEnd) ?? stickyAt(DOUBT_OPEN_AT, text, charStart, charEnd);
  return m === null ? null : { kind: 'check', text: m, weight: 1 };
}

/** Whether text[charStart, charEnd) opens an explicit check ("Let me verify…"), not just a doubt ("Wait,"). */
export function opensVerification(text: string, charStart = 0, charEnd = text.length): boolean {
  return stickyAt(VERIFY_OPEN_AT, text, charStart, charEnd) !== null;
}

/** Stance of a verification step's text: negation beats affirmation, else a neutral check. */
export function stanceOf(text: string): 'affirm' | 'negate' | 'check' {
  const t = lower(text);
  if (NEGATE.test(t)) return 'negate';
  if (AFFIRM.test(t)) return 'affirm';
  return 'check';
}

export function isRestatement(lead: string): boolean {
  return RESTATE.test(lower(lead));
}

export function isConclusionLead(lead: string): boolean {
  return CONCLUDE.test(lower(lead));
}

/** Negation that points back at earlier working ("wait, that's wrong"), with its offset in `text`. */
export function findNegations(text: string): Array<{ index: number; text: string }> {
  const found: Array<{ index: number; text: string }> = [];
  const re = /\b(?:wait|hmm+|no|oops|hold on|but)[,.!]?\s+(?:no[,.!]?\s+)?(?:that(?:'s| is)(?: not (?:right|correct)| wrong| incorrect| a mistake)|i (?:made|think i made) (?:a|an) (?:mistake|error)|(?:this|that) (?:can't|cannot) be (?:right|correct)|i miscalculated|that doesn't (?:make sense|add up|match)|i think i messed up)/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) found.push({ index: m.index, text: m[0] });
  return found;
}
