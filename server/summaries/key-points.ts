// "Suggest key points": the most representative sentences of a topic's comments, found offline
// and deterministically (TextRank over TF-IDF vectors, biased towards the topic's centroid), and
// the reverse check that tells an editor which sentences of a summary no comment supports. Pure:
// no database, no clock, no randomness; the same comments in the same order give the same answer.

import { markdownToPlainText } from '../../shared/quote-text.ts';
import { STOP_WORDS, type StopWordLanguage } from './stop-words.ts';

export interface SourceComment {
  id: string;
  /** the comment's Markdown source */
  markdown: string;
  /** the language the author tagged it with; a hint, the words decide */
  language?: string;
}

export interface RankedSentence {
  text: string;
  commentId: string;
  /** centrality, 0–1, the most central sentence 1 */
  score: number;
}

export const KEY_POINTS = {
  /** PageRank damping and a fixed number of rounds: no convergence test, so no run differs */
  damping: 0.85,
  iterations: 50,
  /** pairs of sentences less alike than this are not linked */
  minEdge: 0.05,
  /** links each sentence keeps to its most alike others */
  maxNeighbours: 20,
  /** a sentence this alike to one already chosen repeats it */
  maxRedundancy: 0.5,
  /** sentences with fewer content words say too little to be a key point */
  minTerms: 3,
  /** a busier topic is sampled evenly down to this many sentences (bounds the time to well under a second) */
  maxSentences: 1_500,
};

export const CITATIONS = {
  /** a comment sentence at least this alike (cosine of TF-IDF vectors) supports a summary sentence */
  threshold: 0.25,
  maxPerSentence: 5,
};

// ---------------------------------------------------------------------------------------------
// Sentences

/** Abbreviations (lower case, without accents or dots) after which a full stop ends no sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'vs',
  'inc',
  'ltd',
  'jr',
  'sr',
  'approx',
  'fig',
  'vol',
  'dept',
  'govt',
  'mme',
  'mlle',
  'mm',
  'cf',
  'env',
  'av',
  'bd',
  'pp',
  'ste',
  'sra',
  'srta',
  'sres',
  'dra',
  'ud',
  'uds',
  'pag',
  'aprox',
  'avda',
  'dto',
  'gral',
]);

// A sentence ends at ., !, ?, … (with any closing quote or bracket after) when what follows starts
// a sentence: a capital or a digit, maybe behind an opening quote or a Spanish ¿ or ¡.
const BOUNDARY = /([.!?…]+)(["'”’»)\]]*)\s+(?=["'“‘«([¿¡]*[\p{Lu}\p{Lt}\p{N}¿¡])/gu;
const WORD_BEFORE = /([\p{L}.]+)$/u;

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function endsWithAbbreviation(before: string): boolean {
  const word = WORD_BEFORE.exec(before)?.[1];
  if (!word) return false;
  // "e.g", "U.S", "EE.UU": a dot inside the word; "J" in "J. Smith": an initial.
  return word.includes('.') || word.length === 1 || ABBREVIATIONS.has(fold(word));
}

/** Splits plain text into sentences: paragraphs first, then English, French and Spanish sentence ends. */
export function splitSentences(plainText: string): string[] {
  const sentences: string[] = [];
  for (const paragraph of plainText.split(/\n\s*\n/)) {
    let start = 0;
    for (const match of paragraph.matchAll(BOUNDARY)) {
      const end = match.index + match[1]!.length + match[2]!.length;
      if (match[1] === '.' && endsWithAbbreviation(paragraph.slice(start, match.index))) continue;
      sentences.push(paragraph.slice(start, end));
      start = match.index + match[0].length;
    }
    sentences.push(paragraph.slice(start));
  }
  return sentences.map((sentence) => sentence.replace(/\s+/g, ' ').trim()).filter((sentence) => sentence !== '');
}

// ---------------------------------------------------------------------------------------------
// Terms

const LANGUAGES = Object.keys(STOP_WORDS) as StopWordLanguage[];

const wordsOf = (text: string): string[] => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/** The language whose function words the text uses most; the author's tag breaks ties. */
export function detectLanguage(words: string[], hint?: string): StopWordLanguage {
  const preferred = LANGUAGES.find((language) => language === hint) ?? 'en';
  let best = preferred;
  let bestHits = words.filter((word) => STOP_WORDS[preferred].has(word)).length;
  for (const language of LANGUAGES) {
    const hits = words.filter((word) => STOP_WORDS[language].has(word)).length;
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
    }
  }
  return best;
}

// A deliberately light stemmer that works the same in the three languages: drop a plural "s",
// keep the first seven letters ("integration", "integrating", "intégration", "integración" agree).
const stem = (word: string): string => (word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word).slice(0, 7);

function contentTerms(words: string[], language: StopWordLanguage): string[] {
  const stop = STOP_WORDS[language];
  return words.filter((word) => word.length > 1 && !stop.has(word) && !/^\d+$/.test(word)).map(stem);
}

// ---------------------------------------------------------------------------------------------
// Fragments

/** A key point is a sentence: at least this many words, one of them verb-like. */
export const MIN_SENTENCE_WORDS = 5;

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const NOT_A_PARAGRAPH = /^\s*(?:[-*+>]|\d{1,9}[.)])(?:\s|$)/;

/** The Markdown with its headings (# Heading, or a line underlined with === or ---) made blank lines. */
export function withoutHeadings(markdown: string): string {
  const kept: string[] = [];
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const above = kept.at(-1);
    if (ATX_HEADING.test(line)) {
      kept.push('');
    } else if (SETEXT_UNDERLINE.test(line) && above !== undefined && above.trim() !== '' && !NOT_A_PARAGRAPH.test(above)) {
      // The paragraph just above is the heading's text.
      while (kept.length > 0 && kept.at(-1)!.trim() !== '') kept.pop();
      kept.push('');
    } else {
      kept.push(line);
    }
  }
  return kept.join('\n');
}

/** What marks a verb in one language (hasVerbLikeWord). */
interface VerbCues {
  words: ReadonlySet<string>;
  ending: RegExp;
  notVerbs: ReadonlySet<string>;
  /** the next word is taken for a verb */
  before: ReadonlySet<string>;
}

const listOf = (words: string): string[] => words.split(/\s+/).filter(Boolean);

/** Everyday verbs (English base form, French and Spanish infinitive) whose regular present forms count as verbs. */
const EVERYDAY_VERBS: Record<StopWordLanguage, string> = {
  en: `need want think believe know see make take give get go come say tell help support allow use provide create improve reduce
increase work live learn share build find keep let seem become remain include require ensure agree suggest propose hope feel
show mean bring start change try call ask offer face lose pay play run move stay leave send put set open teach speak vote welcome
integrate contribute matter depend lack exist happen grow affect encourage promote prevent fight counter combat sell buy return
hear read write`,
  fr: `aider commencer compter favoriser manquer rester exister changer montrer créer proposer sembler contribuer jouer influencer
représenter toucher concerner poser donner passer trouver parler travailler penser aimer apporter permettre encourager
renforcer améliorer lutter combattre soutenir accueillir choisir réussir agir grandir établir fournir remplir réfléchir définir`,
  es: `ayudar empezar favorecer influir faltar existir depender cambiar mostrar crear proponer parecer contribuir jugar representar
afectar plantear quedar dar pasar encontrar hablar trabajar vivir aprender recibir conocer pensar seguir llegar volver querer
servir resultar significar implicar requerir mejorar facilitar impulsar promover fomentar apoyar reducir aumentar permitir
ofrecer combatir luchar integrar`,
};

/** The forms of an everyday verb that count, regular ones only (irregular ones are listed in VERB_CUES). */
function presentForms(verb: string, language: StopWordLanguage): string[] {
  if (language === 'en') {
    if (/[^aeiou]y$/.test(verb)) return [verb, `${verb.slice(0, -1)}ies`];
    return [verb, /(?:s|x|z|ch|sh|o)$/.test(verb) ? `${verb}es` : `${verb}s`];
  }
  const stem = verb.slice(0, -2);
  if (language === 'fr') return verb.endsWith('er') ? [verb, `${stem}e`, `${stem}es`, `${stem}ons`] : [verb, `${stem}it`, `${stem}is`];
  return verb.endsWith('ar') ? [verb, `${stem}a`, `${stem}as`, `${stem}o`] : [verb, `${stem}e`, `${stem}es`, `${stem}o`];
}

function cues(language: StopWordLanguage, irregular: string, ending: RegExp, notVerbs: string, before: string): VerbCues {
  const words = [...listOf(irregular), ...listOf(EVERYDAY_VERBS[language]).flatMap((verb) => presentForms(verb, language))];
  return { words: new Set(words), ending, notVerbs: new Set(listOf(notVerbs)), before: new Set(listOf(before)) };
}

const VERB_CUES: Record<StopWordLanguage, VerbCues> = {
  en: cues(
    'en',
    `am is are was were be been being has have had having do does did done can could will would shall should may might must isn
aren wasn weren don doesn didn won wouldn couldn shouldn ll ve re m made took gave got went came said told found kept left sent
brought began became felt knew saw thought built taught spoke grew lost paid ran met`,
    /^\p{L}{3,}(?:ed|ing)$/u,
    'during something anything nothing everything morning evening hundred interesting',
    'i we you they he she it',
  ),
  fr: cues(
    'fr',
    `suis es est sommes êtes sont étais était étions étiez étaient serai seras sera serons serez seront serais serait seraient
soit soient fut furent ai as a avons avez ont avais avait avions aviez avaient aurai aura aurons aurez auront aurais aurait
auraient ait aient eu fais fait faisons faites font faisait fera peux peut pouvons pouvez peuvent pouvait pourra pourrait
pourraient dois doit devons devez doivent devait devra devrait devraient faut faudrait fallait vais vas va allons allez vont
ira veux veut voulons voulez veulent voudrait sais sait savent dit disent prend prennent apprend apprennent vient viennent
viendra devient deviennent voit voient met mettent permet vit vivent reçoit reçoivent connaît croit croient offre offrent
accueille accueillent ouvre ouvrent combat soutient`,
    /^\p{L}{2,}(?:er|ez|ent|ait|aient|ir)$/u,
    `premier dernier entier métier quartier papier chantier hier mer fer cher fier hiver étranger léger amer chez nez assez avenir
plaisir désir loisir souvenir souvent parent présent agent argent différent cent dent vent lent absent président continent
accent talent urgent récent intelligent excellent`,
    'je j tu il elle on nous vous ils elles ne n se s',
  ),
  es: cues(
    'es',
    `soy eres es somos son era eran fue fueron será serán sería serían sea sean estoy está estamos están estaba estaban esté
estén he has ha hemos han había habían habrá hay haya hayan tengo tiene tenemos tienen tenía tenían puedo puede podemos
pueden podía podría podrían debo debe debemos deben debería deberían hago hace hacemos hacen hizo voy va vamos van dice dicen
dijo creo cree creemos creen necesita necesitan empieza empiezan influye influyen vuelve vuelva vuelven muestra muestran
encuentra encuentran piensa piensan sigue siguen quiere quieren quiero espero juega juegan contribuye contribuyen da dan
requiere sirve promueve`,
    /^\p{L}{2,}(?:ar|er|ir|an|en|ó|aba|aban|ían|amos|emos|imos)$/u,
    `lugar hogar mujer mar par familiar popular particular escolar similar regular militar titular bienestar ayer bien quien cien
alguien joven imagen origen examen orden volumen crimen margen resumen plan tren últimos próximos mínimos máximos`,
    'yo tú él ella nosotros nosotras ellos ellas usted ustedes se',
  ),
};

const lowerWordsOf = (text: string): string[] =>
  text
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Whether a sentence (plain text) has a word that looks like a verb in `language`: a deliberately
 * small, deterministic test on the words in lower case (accents kept). A word is verb-like when it
 * is a form of an auxiliary or modal verb or of a list of everyday verbs (with their regular
 * present forms: "helps", "aide", "ayuda"); when it has a typical verb ending (English
 * -ed/-ing; French -er, -ez, -ent, -ait, -aient, -ir; Spanish -ar, -er, -ir, -an, -en, -ó,
 * -aba(n), -ían, -amos/-emos/-imos) and is not a common noun or adverb that shares it; or when it
 * follows a subject pronoun (or a French "ne", a French or Spanish reflexive "se") and is no
 * function word. It only has to tell a sentence from a heading or a list of nouns, so it errs on
 * the side of "verb".
 */
export function hasVerbLikeWord(sentence: string, language: StopWordLanguage): boolean {
  const cues = VERB_CUES[language];
  const stop = STOP_WORDS[language];
  const words = lowerWordsOf(sentence);
  return words.some((word, index) => {
    if (cues.words.has(word)) return true;
    if (cues.ending.test(word) && !cues.notVerbs.has(word)) return true;
    const previous = words[index - 1];
    return previous !== undefined && cues.before.has(previous) && !stop.has(fold(word));
  });
}

/** Whether a sentence can be a key point rather than a fragment: five words or more, one of them verb-like. */
export function isFullSentence(sentence: string, language: StopWordLanguage): boolean {
  return lowerWordsOf(sentence).length >= MIN_SENTENCE_WORDS && hasVerbLikeWord(sentence, language);
}

// ---------------------------------------------------------------------------------------------
// Vectors

type Vector = Map<string, number>;

interface Sentence {
  text: string;
  commentId: string;
  terms: string[];
}

function idfOf(corpus: string[][]): (term: string) => number {
  const df = new Map<string, number>();
  for (const terms of corpus) for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = corpus.length;
  return (term) => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1;
}

function vectorOf(terms: string[], idf: (term: string) => number): Vector {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const vector: Vector = new Map();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * idf(term);
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/** The comments' sentences with enough content words; `fullOnly`: without headings and fragments, as key points need. */
function sentencesOf(comments: SourceComment[], minTerms: number, fullOnly = false): Sentence[] {
  const sentences: Sentence[] = [];
  for (const comment of comments) {
    const texts = splitSentences(markdownToPlainText(fullOnly ? withoutHeadings(comment.markdown) : comment.markdown));
    const language = detectLanguage(wordsOf(texts.join(' ')), comment.language);
    for (const text of texts) {
      if (fullOnly && !isFullSentence(text, language)) continue;
      const terms = contentTerms(wordsOf(text), language);
      if (terms.length >= minTerms) sentences.push({ text, commentId: comment.id, terms });
    }
  }
  return sentences;
}

// ---------------------------------------------------------------------------------------------
// Ranking

/**
 * Weighted links between alike sentences, found through the terms they share: each sentence keeps
 * its `maxNeighbours` most alike (ties: the earlier one), and a link kept by either end counts
 * for both. A sparse graph keeps a busy topic fast without changing who is central.
 */
function similarityGraph(vectors: Vector[], minEdge: number, maxNeighbours: number): { neighbours: [number, number][][]; strength: Float64Array } {
  const n = vectors.length;
  // Term ids and a compressed posting list (sentence ids and weights per term) in typed arrays:
  // this loop is where a busy topic spends its time.
  const termIds = new Map<string, number>();
  const rows = vectors.map((vector) => {
    const ids = new Int32Array(vector.size);
    const weights = new Float64Array(vector.size);
    let k = 0;
    for (const [term, weight] of vector) {
      let id = termIds.get(term);
      if (id === undefined) termIds.set(term, (id = termIds.size));
      ids[k] = id;
      weights[k] = weight;
      k += 1;
    }
    return { ids, weights };
  });
  const offsets = new Int32Array(termIds.size + 1);
  for (const row of rows) for (const id of row.ids) offsets[id + 1] = offsets[id + 1]! + 1;
  for (let t = 0; t < termIds.size; t += 1) offsets[t + 1] = offsets[t + 1]! + offsets[t]!;
  const postingIds = new Int32Array(offsets[termIds.size]!);
  const postingWeights = new Float64Array(offsets[termIds.size]!);
  const fill = offsets.slice(0, termIds.size);
  rows.forEach((row, index) => {
    for (let k = 0; k < row.ids.length; k += 1) {
      const at = fill[row.ids[k]!]!;
      fill[row.ids[k]!] = at + 1;
      postingIds[at] = index;
      postingWeights[at] = row.weights[k]!;
    }
  });

  const neighbours: [number, number][][] = Array.from({ length: n }, () => []);
  const strength = new Float64Array(n);
  const linked = new Set<number>();
  const dots = new Float64Array(n);
  const touched = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    let touchedCount = 0;
    const { ids, weights } = rows[i]!;
    for (let k = 0; k < ids.length; k += 1) {
      const weight = weights[k]!;
      for (let p = offsets[ids[k]!]!, end = offsets[ids[k]! + 1]!; p < end; p += 1) {
        const j = postingIds[p]!;
        if (j === i) continue;
        if (dots[j] === 0) touched[touchedCount++] = j;
        dots[j] = dots[j]! + weight * postingWeights[p]!;
      }
    }
    // The best `maxNeighbours`, most alike first, the earlier sentence first among equals.
    const best: [number, number][] = [];
    for (let k = 0; k < touchedCount; k += 1) {
      const j = touched[k]!;
      const similarity = dots[j]!;
      dots[j] = 0;
      if (similarity < minEdge) continue;
      const worst = best[best.length - 1];
      if (best.length === maxNeighbours && worst && (similarity < worst[1] || (similarity === worst[1] && j > worst[0]))) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1]![1] < similarity || (best[at - 1]![1] === similarity && best[at - 1]![0] > j))) at -= 1;
      best.splice(at, 0, [j, similarity]);
      if (best.length > maxNeighbours) best.pop();
    }
    for (const [j, similarity] of best) {
      const key = Math.min(i, j) * n + Math.max(i, j);
      if (linked.has(key)) continue;
      linked.add(key);
      neighbours[i]!.push([j, similarity]);
      neighbours[j]!.push([i, similarity]);
      strength[i] = strength[i]! + similarity;
      strength[j] = strength[j]! + similarity;
    }
  }
  return { neighbours, strength };
}

/**
 * How strongly each sentence speaks of what the whole topic speaks of: its cosine to the sum of
 * all sentences. The walk jumps back to sentences in this proportion, so a small group of
 * off-topic sentences that only resemble each other cannot keep a share of rank of its own.
 */
function topicBias(vectors: Vector[]): Float64Array {
  const centroid: Vector = new Map();
  for (const vector of vectors) for (const [term, weight] of vector) centroid.set(term, (centroid.get(term) ?? 0) + weight);
  let norm = 0;
  for (const weight of centroid.values()) norm += weight * weight;
  norm = Math.sqrt(norm);
  const bias = new Float64Array(vectors.length);
  let total = 0;
  vectors.forEach((vector, index) => {
    // A floor keeps every sentence reachable, so the walk is well defined.
    bias[index] = cosine(vector, centroid) / norm + 1e-6;
    total += bias[index]!;
  });
  return bias.map((value) => value / total);
}

/**
 * Weighted PageRank (TextRank) for a fixed number of rounds, jumping (and leaving sentences that
 * resemble no other) according to `bias`.
 */
function textRank(neighbours: [number, number][][], strength: Float64Array, bias: Float64Array, damping: number, iterations: number): Float64Array {
  const n = neighbours.length;
  let rank = Float64Array.from(bias);
  for (let round = 0; round < iterations; round += 1) {
    let isolated = 0;
    for (let j = 0; j < n; j += 1) if (strength[j] === 0) isolated += rank[j]!;
    const jump = 1 - damping + damping * isolated;
    const next = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      let inflow = 0;
      for (const [j, weight] of neighbours[i]!) inflow += (rank[j]! * weight) / strength[j]!;
      next[i] = jump * bias[i]! + damping * inflow;
    }
    rank = next;
  }
  return rank;
}

/** At most `max` items, spread evenly over the list (early and late comments alike), in order. */
function evenSample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, k) => items[Math.floor((k * items.length) / max)]!);
}

/**
 * Every sentence of the comments worth considering (full sentences, never a heading or a fragment:
 * `isFullSentence`), most central first (ties: the earlier
 * sentence first), with near-repeats of a better-placed sentence left out, cut to `limit`.
 */
export function keyPoints(comments: SourceComment[], limit: number, options: Partial<typeof KEY_POINTS> = {}): RankedSentence[] {
  const settings = { ...KEY_POINTS, ...options };
  const sentences = evenSample(sentencesOf(comments, settings.minTerms, true), settings.maxSentences);
  if (sentences.length === 0 || limit <= 0) return [];
  const idf = idfOf(sentences.map((sentence) => sentence.terms));
  const vectors = sentences.map((sentence) => vectorOf(sentence.terms, idf));
  const { neighbours, strength } = similarityGraph(vectors, settings.minEdge, settings.maxNeighbours);
  const rank = textRank(neighbours, strength, topicBias(vectors), settings.damping, settings.iterations);
  const order = sentences.map((_, index) => index).sort((a, b) => rank[b]! - rank[a]! || a - b);
  const top = rank[order[0]!]!;
  const chosen: number[] = [];
  for (const index of order) {
    if (chosen.length >= limit) break;
    if (chosen.some((other) => cosine(vectors[index]!, vectors[other]!) > settings.maxRedundancy)) continue;
    chosen.push(index);
  }
  return chosen.map((index) => ({
    text: sentences[index]!.text,
    commentId: sentences[index]!.commentId,
    score: Math.round((rank[index]! / top) * 10_000) / 10_000,
  }));
}

export interface CitedSentence {
  text: string;
  /** the comments that support it, best first; empty when none does */
  commentIds: string[];
}

/**
 * For each sentence of a summary, the comments with a sentence alike enough (TF-IDF cosine of at
 * least `threshold`, IDF taken over the comments' sentences): an empty list marks a sentence that
 * cites no comment.
 */
export function citeSentences(summaryMarkdown: string, comments: SourceComment[], options: Partial<typeof CITATIONS> = {}): CitedSentence[] {
  const settings = { ...CITATIONS, ...options };
  const texts = splitSentences(markdownToPlainText(summaryMarkdown));
  const language = detectLanguage(wordsOf(texts.join(' ')));
  const sources = sentencesOf(comments, 1);
  const idf = idfOf(sources.map((sentence) => sentence.terms));
  const sourceVectors = sources.map((sentence) => vectorOf(sentence.terms, idf));
  return texts.map((text) => {
    const terms = contentTerms(wordsOf(text), language);
    if (terms.length === 0) return { text, commentIds: [] };
    const vector = vectorOf(terms, idf);
    const best = new Map<string, number>();
    sources.forEach((source, index) => {
      const similarity = cosine(vector, sourceVectors[index]!);
      if (similarity >= settings.threshold && similarity > (best.get(source.commentId) ?? 0)) best.set(source.commentId, similarity);
    });
    // Map order is first-appearance order, so equal similarities keep the comments' order.
    const commentIds = [...best.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, settings.maxPerSentence)
      .map(([commentId]) => commentId);
    return { text, commentIds };
  });
}
