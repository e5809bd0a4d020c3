import type { Article, Entity, Span, Speaker, Token } from "../../model/index.js";
import { type Chunk, isCapitalised, nounChunks, type SentenceTokens, spanOf } from "../events/clauses.js";
import { bestEntity } from "../events/mentions.js";
import { groupBySentence } from "../framing/index.js";
import type { ReportingLexicon } from "../lexicons.js";

/** One sentence ready for speaker and source reading. */
export interface SentenceView extends SentenceTokens {
  index: number;
  chunks: Chunk[];
}

export function sentenceViews(article: Article): SentenceView[] {
  const entities = [...(article.annotations.entities ?? [])].sort((a, b) => a.start - b.start);
  let next = 0; // entities are walked once, in step with the sentences, not filtered per sentence
  return groupBySentence(article.annotations.tokens).map((tokens) => {
    const start = tokens[0]?.start ?? 0;
    const end = tokens[tokens.length - 1]?.end ?? 0;
    while (next < entities.length && (entities[next] as Entity).start < start) next += 1;
    const atomic: Entity[] = [];
    for (let k = next; k < entities.length && (entities[k] as Entity).start < end; k++) {
      if ((entities[k] as Entity).end <= end) atomic.push(entities[k] as Entity);
    }
    const base: SentenceTokens = { tokens, atomic };
    return { ...base, index: tokens[0]?.sentence ?? 0, chunks: nounChunks(base) };
  });
}

/** Reading speakers with the reporting lexicon: roles, titles, pronouns, entities. */
export interface SpeakerReader {
  isSpeechVerb(token: Token | undefined): boolean;
  isAttributionVerb(token: Token | undefined): boolean;
  isPronoun(token: Token | undefined): boolean;
  /** The speaker a noun phrase names, split into name and role ("army spokesman" + "General Jane Doe"). */
  speakerOf(view: SentenceView, chunk: Chunk): Speaker;
  /** The speaker of a subject phrase, taking the name from an aside: "The mayor, Jane Doe, said". */
  withAppositiveName(view: SentenceView, chunk: Chunk): Speaker;
  /** A role phrase such as ", a spokesman for the air base," after a name, from token `from`. */
  roleAfter(view: SentenceView, from: number): Pick<Speaker, "role" | "affiliation"> | undefined;
  /**
   * Where the words of a role phrase end, with the body it serves: after "a spokesman for the
   * Defence Ministry" when `chunk` is "a spokesman"; `chunk.end` when nothing is attached.
   */
  endWithBody(view: SentenceView, chunk: Chunk): number;
  /** "A spokesman for the ministry said": the role phrase subject of the verb at `v`, when a body is attached to it. */
  describedSubject(view: SentenceView, v: number): Chunk | undefined;
}

/** Prepositions that tie a role to the body it serves: "a spokesman for X", "an official of X", "a doctor at X". */
const AFFILIATION_PREPOSITIONS = new Set(["for", "of", "at", "from", "with"]);
/** Entity types that can employ a speaker; a PERSON in a role phrase is someone else ("an adviser to X"). */
const AFFILIATION_TYPES = new Set(["ORG", "GPE", "LOC", "NORP", "MISC"]);

export function createSpeakerReader(lexicon: ReportingLexicon, article: Article): SpeakerReader {
  const allEntities = article.annotations.entities ?? [];
  const entities = allEntities.filter(
    // "U.S.-led coalition" is not the U.S.: a name glued to a hyphen only modifies the phrase.
    (e) => e.type !== "NORP" && article.text[e.end] !== "-",
  );
  const is = (list: readonly string[]) => {
    const words = new Set(list);
    return (token: Token | undefined) => token !== undefined && lookupKeys(token).some((k) => words.has(k));
  };
  const isRoleNoun = is(lexicon.roleNouns);
  const isTitle = is(lexicon.titles);
  const isPronoun = is(lexicon.pronouns);

  function speakerOf(view: SentenceView, chunk: Chunk): Speaker {
    const tokens = view.tokens.slice(chunk.first, chunk.end);
    const nameFrom = nameStart(tokens);
    const hasRole = nameFrom > 0 && tokens.slice(0, nameFrom).some(isRoleNoun);
    const nameChunk = hasRole ? { first: chunk.first + nameFrom, end: chunk.end } : chunk;
    const span = spanOf(view.tokens, nameChunk);
    const speaker = withEntity({ ...span, text: article.text.slice(span.start, span.end) });
    if (hasRole) {
      const role = {
        start: spanOf(view.tokens, chunk).start,
        end: (view.tokens[chunk.first + nameFrom - 1] as Token).end,
      };
      return { ...speaker, ...describe(view, role, chunk.end) };
    }
    // "a spokesman for the air base said": known only by a description, the speaker stands for the body
    if (!tokens.some(isRoleNoun) || isPersonName(speaker)) return speaker;
    const description = describe(view, span, chunk.end);
    const body = description.affiliation;
    return {
      ...speaker,
      ...description,
      ...(body?.actorId ? { canonical: body.canonical, actorId: body.actorId } : {}),
    };
  }

  function isPersonName(speaker: Speaker): boolean {
    return (
      speaker.actorId !== undefined &&
      allEntities.some((e) => e.actorId === speaker.actorId && e.type === "PERSON")
    );
  }

  /**
   * The role written over `role`, with the body it serves: an entity inside the role ("Syrian
   * army spokesman") or one attached after the phrase ending at token `after` ("a spokesman |
   * for the Russian Defence Ministry"), whose words then join the role.
   */
  function describe(view: SentenceView, role: Span, after: number): Pick<Speaker, "role" | "affiliation"> {
    const inside = affiliationIn(role);
    const attached = inside ? undefined : attachedBody(view, after);
    const end = attached ? attached.end : role.end;
    const affiliation = inside ?? attached?.affiliation;
    return { role: article.text.slice(role.start, end), ...(affiliation ? { affiliation } : {}) };
  }

  function affiliationIn(span: Span): Speaker["affiliation"] | undefined {
    const inside = allEntities.filter(
      (e) => e.start >= span.start && e.end <= span.end && AFFILIATION_TYPES.has(e.type),
    );
    const entity = inside.find((e) => e.type !== "NORP") ?? inside[0];
    if (!entity) return undefined;
    return {
      start: entity.start,
      end: entity.end,
      text: entity.text,
      canonical: entity.canonical,
      actorId: entity.actorId,
    };
  }

  /** "for the Russian Defence Ministry" right after token `after - 1`: its entity and where it ends. */
  function attachedBody(
    view: SentenceView,
    after: number,
  ): { affiliation: NonNullable<Speaker["affiliation"]>; end: number } | undefined {
    if (!AFFILIATION_PREPOSITIONS.has(view.tokens[after]?.text.toLowerCase() ?? "")) return undefined;
    const chunk = view.chunks.find((c) => c.first === after + 1);
    if (!chunk) return undefined;
    const span = spanOf(view.tokens, chunk);
    const affiliation = affiliationIn(span);
    return affiliation ? { affiliation, end: span.end } : undefined;
  }

  function endWithBody(view: SentenceView, chunk: Chunk): number {
    const roleWords = view.tokens.slice(chunk.first, chunk.end);
    if (!roleWords.some(isRoleNoun) || !attachedBody(view, chunk.end)) return chunk.end;
    return view.chunks.find((c) => c.first === chunk.end + 1)?.end ?? chunk.end;
  }

  function describedSubject(view: SentenceView, v: number): Chunk | undefined {
    return view.chunks.find((chunk) => {
      const end = endWithBody(view, chunk);
      if (end === chunk.end || end > v) return false;
      const before = view.tokens[chunk.first - 1];
      if (before && (before.pos === "ADP" || before.pos === "VERB")) return false;
      return view.tokens.slice(end, v).every((t) => t.pos === "ADV" || t.pos === "AUX");
    });
  }

  /** Index in `tokens` where the trailing capitalised name starts (titles included), or 0. */
  function nameStart(tokens: readonly Token[]): number {
    let i = tokens.length;
    while (i > 0 && isCapitalised((tokens[i - 1] as Token).text) && !isRoleNounOnly(tokens[i - 1] as Token))
      i -= 1;
    return i === tokens.length ? 0 : i;
  }

  /** A capitalised role noun that is not a title ("Spokesman" in a headline) ends the name. */
  function isRoleNounOnly(token: Token): boolean {
    return isRoleNoun(token) && !isTitle(token);
  }

  function withEntity(speaker: Speaker): Speaker {
    const entity: Entity | undefined = bestEntity(entities, speaker);
    return { ...speaker, ...(entity ? { canonical: entity.canonical, actorId: entity.actorId } : {}) };
  }

  /**
   * "The mayor, Jane Doe, said": the name in the aside after a role phrase is the speaker, and
   * the role phrase is its role.
   */
  function withAppositiveName(view: SentenceView, chunk: Chunk): Speaker {
    const plain = speakerOf(view, chunk);
    if (view.tokens[chunk.end]?.text !== ",") return plain;
    const name = view.chunks.find((c) => c.first === chunk.end + 1);
    const closes = name && view.tokens[name.end]?.text === ",";
    const roleWords = view.tokens.slice(chunk.first, chunk.end);
    if (
      !name ||
      !closes ||
      !roleWords.some(isRoleNoun) ||
      !isCapitalised(view.tokens[name.first]?.text ?? "")
    ) {
      return plain;
    }
    const named = speakerOf(view, name);
    if (named.role) return named;
    return { ...named, ...describe(view, spanOf(view.tokens, chunk), chunk.end) };
  }

  function roleAfter(view: SentenceView, from: number): Pick<Speaker, "role" | "affiliation"> | undefined {
    if (view.tokens[from]?.text !== ",") return undefined;
    const start = from + 1;
    const first = view.tokens[start];
    if (!first || !["DET", "NOUN", "ADJ", "PROPN"].includes(first.pos)) return undefined;
    let end = start;
    while (
      end < view.tokens.length &&
      ![",", ".", ";", ":", '"', "“", "”"].includes(view.tokens[end]?.text ?? "")
    )
      end += 1;
    const words = view.tokens.slice(start, end);
    if (!words.some(isRoleNoun)) return undefined;
    return describe(view, spanOf(view.tokens, { first: start, end }), end);
  }

  return {
    isSpeechVerb: is(lexicon.speechVerbs),
    isAttributionVerb: is(lexicon.attributionVerbs),
    isPronoun,
    speakerOf,
    withAppositiveName,
    roleAfter,
    endWithBody,
    describedSubject,
  };
}

const CURLY_APOSTROPHE = /[’‘]/;
const CURLY_APOSTROPHES = /[’‘]/g;

/**
 * The forms under which a token is looked up in a word list, as the framing phrase matcher does
 * (`wordMatches`): its lower-cased text, its lemma, and the singular of a plain plural. One set
 * lookup per form instead of comparing the token with every word of the list.
 */
export function lookupKeys(token: Token): string[] {
  const lower = token.text.toLowerCase();
  const text = CURLY_APOSTROPHE.test(lower) ? lower.replace(CURLY_APOSTROPHES, "'") : lower;
  const keys = [text, token.lemma];
  if (text.includes("-")) keys.push(text.split("-")[0] as string);
  if (text.endsWith("es")) keys.push(text.slice(0, -2));
  if (text.endsWith("s")) keys.push(text.slice(0, -1));
  return keys;
}

/** The entity a pronoun speaker stands for: the nearest person named before it, within two sentences. */
export function resolvePronoun(article: Article, speaker: Speaker, earlier: readonly Speaker[]): Speaker {
  const person = (article.annotations.entities ?? [])
    .filter((e) => e.type === "PERSON" && e.end <= speaker.start)
    .sort((a, b) => b.end - a.end)[0];
  const lastNamed = [...earlier].reverse().find((s) => s.canonical !== undefined && s.end <= speaker.start);
  const candidate: (Span & { canonical?: string; actorId?: string }) | undefined =
    person && (!lastNamed || person.end > lastNamed.end) ? person : lastNamed;
  if (!candidate?.canonical) return speaker;
  const between = article.text.slice(candidate.end, speaker.start);
  if ((between.match(/[.!?]["”]?\s/g) ?? []).length > MAX_PRONOUN_SENTENCES) return speaker;
  return {
    ...speaker,
    canonical: candidate.canonical,
    ...(candidate.actorId ? { actorId: candidate.actorId } : {}),
  };
}

/** How many sentence ends may lie between a name and the pronoun standing for it: beyond that, guessing. */
export const MAX_PRONOUN_SENTENCES = 2;
