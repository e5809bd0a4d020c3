import type { Article, Entity, Span, Speaker, Token } from "../../model/index.js";
import { type Chunk, isCapitalised, nounChunks, type SentenceTokens, spanOf } from "../events/clauses.js";
import { bestEntity } from "../events/mentions.js";
import { groupBySentence } from "../framing/index.js";
import { wordMatches } from "../framing/phrase-matcher.js";
import type { ReportingLexicon } from "../lexicons.js";

/** One sentence ready for speaker and source reading. */
export interface SentenceView extends SentenceTokens {
  index: number;
  chunks: Chunk[];
}

export function sentenceViews(article: Article): SentenceView[] {
  const entities = article.annotations.entities ?? [];
  return groupBySentence(article.annotations.tokens).map((tokens) => {
    const start = tokens[0]?.start ?? 0;
    const end = tokens[tokens.length - 1]?.end ?? 0;
    const atomic = entities.filter((e) => e.start >= start && e.end <= end);
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
  roleAfter(view: SentenceView, from: number): string | undefined;
}

export function createSpeakerReader(lexicon: ReportingLexicon, article: Article): SpeakerReader {
  const entities = (article.annotations.entities ?? []).filter(
    // "U.S.-led coalition" is not the U.S.: a name glued to a hyphen only modifies the phrase.
    (e) => e.type !== "NORP" && article.text[e.end] !== "-",
  );
  const is = (list: readonly string[]) => (token: Token | undefined) =>
    token !== undefined && list.some((word) => wordMatches(token, word));
  const isRoleNoun = is(lexicon.roleNouns);
  const isTitle = is(lexicon.titles);
  const isPronoun = is(lexicon.pronouns);

  function speakerOf(view: SentenceView, chunk: Chunk): Speaker {
    const tokens = view.tokens.slice(chunk.first, chunk.end);
    const nameFrom = nameStart(tokens);
    const hasRole = nameFrom > 0 && tokens.slice(0, nameFrom).some(isRoleNoun);
    const nameChunk = hasRole ? { first: chunk.first + nameFrom, end: chunk.end } : chunk;
    const span = spanOf(view.tokens, nameChunk);
    const roleText = hasRole
      ? article.text.slice(spanOf(view.tokens, chunk).start, view.tokens[chunk.first + nameFrom - 1]?.end)
      : undefined;
    return withEntity({ ...span, text: article.text.slice(span.start, span.end) }, roleText);
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

  function withEntity(speaker: Speaker, role: string | undefined): Speaker {
    const entity: Entity | undefined = bestEntity(entities, speaker);
    return {
      ...speaker,
      ...(entity ? { canonical: entity.canonical, actorId: entity.actorId } : {}),
      ...(role ? { role } : {}),
    };
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
    const role = spanOf(view.tokens, chunk);
    return { ...named, role: named.role ?? article.text.slice(role.start, role.end) };
  }

  function roleAfter(view: SentenceView, from: number): string | undefined {
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
    const span = spanOf(view.tokens, { first: start, end });
    return article.text.slice(span.start, span.end);
  }

  return {
    isSpeechVerb: is(lexicon.speechVerbs),
    isAttributionVerb: is(lexicon.attributionVerbs),
    isPronoun,
    speakerOf,
    withAppositiveName,
    roleAfter,
  };
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
