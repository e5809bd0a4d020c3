import { readFileSync } from "node:fs";
import { type CasualtyKind, TIME_PRECISIONS, type TimePrecision } from "../../model/index.js";
import { numberRecord, objectAt, stringList, stringRecord } from "../data-shape.js";

/**
 * Typed loader for `data/lexicons/quantities.json`: the English words for numbers, quantity
 * modifiers and time expressions. The file is read when a component is created (never at
 * import) and validated here, so a bad entry fails at start-up with its section and key.
 */

export interface NumberWords {
  units: Readonly<Record<string, number>>;
  tens: Readonly<Record<string, number>>;
  scales: Readonly<Record<string, number>>;
  /** Short scales glued to digits or following them: "3bn", "2 mn". */
  scaleAbbreviations: Readonly<Record<string, number>>;
  /** Counting groups: "a dozen", "two dozen". */
  groups: Readonly<Record<string, number>>;
  fractions: Readonly<Record<string, number>>;
  /** Plurals that give only a lower bound: "hundreds", "dozens". */
  vaguePlurals: Readonly<Record<string, number>>;
  /** "several hundred", "a few dozen": a multiplier giving a lower bound. */
  vagueQuantifiers: Readonly<Record<string, number>>;
  /** Vague plurals that count only when "of" follows ("scores of people", not "test scores"). */
  vaguePluralsNeedingOf: readonly string[];
  /** Misspellings seen in scraped news, mapped to the word meant. */
  misspellings: Readonly<Record<string, string>>;
}

export interface QuantityWords {
  approximators: readonly string[];
  lowerBounds: readonly string[];
  upperBounds: readonly string[];
  /** Opening and closing word of a range: ["between", "and"]. */
  rangePairs: readonly (readonly [string, string])[];
  rangeJoiners: readonly string[];
  /** Currency symbol -> unit lemma. */
  currencies: Readonly<Record<string, string>>;
  /** "%", "percent", "percentage points" -> unit lemma. */
  percentWords: Readonly<Record<string, string>>;
  /** Units written before the number: "magnitude 7.8". */
  prefixUnits: readonly string[];
  /** Word numbers kept only when a counted noun follows ("one soldier", not "one of them"). */
  headlessWordNumbers: readonly string[];
  /** Words (forms or lemmas) and phrases that tie a count of people to what befell them. */
  casualties: Readonly<Record<CasualtyKind, readonly string[]>>;
  /**
   * Casualty verbs that take an object when active: "50 militants killed 12 soldiers" tells what
   * the 50 did, not what befell them; "were killed" or "killed" without an object does.
   */
  casualtyTransitiveVerbs: readonly string[];
  /** Verbs (lemmas) that may stand between a count and its casualty word: "remain missing", "were taken hostage", "feared dead". */
  casualtyBridgeVerbs: readonly string[];
  /** Verbs that carry a toll to its figure across a long subject: "the death toll from ... rose to 58". */
  casualtyTollVerbs: readonly string[];
}

export interface DurationUnit {
  /** TIMEX3 unit letter(s): "Y", "M", "W", "D", "H", "DE". */
  timex: string;
  /** Clock units take a "T" in TIMEX3 durations: "PT3H". */
  clock: boolean;
  precision: TimePrecision;
}

export type VagueReference = "PAST_REF" | "PRESENT_REF" | "FUTURE_REF";

export interface TimeWords {
  durationUnits: Readonly<Record<string, DurationUnit>>;
  durationOpeners: readonly string[];
  setAdverbs: Readonly<Record<string, string>>;
  setQuantifiers: readonly string[];
  /** ISO weekday numbers, Monday = 1 ... Sunday = 7. */
  weekdays: Readonly<Record<string, number>>;
  /** "last" -> -1, "this" -> 0, "next" -> 1. */
  relativeModifiers: Readonly<Record<string, number>>;
  periods: readonly string[];
  /** Words that put a sentence in the future, so a yearless date in it looks forward. */
  futureCues: readonly string[];
  vagueReferences: Readonly<Record<string, VagueReference>>;
  /** Words before a bare year that make it a date: "in 2014", "the 2014 election". */
  yearContext: readonly string[];
  /** Words before a bare month name that make it a date ("in May", not "May he rest"). */
  monthContext: readonly string[];
  /** Ending a relative expression, they tie it to another event, not to the anchor: "two days later". */
  eventRelative: readonly string[];
  /** Days named by reference to another happening: "the same day", "the next day". */
  anaphoricDays: readonly string[];
  /** Words that open the clause naming that happening: "the same day [the assault began]". */
  anaphoricClauseOpeners: readonly string[];
  /** Left out of a time mention's span, as TIMEX3 does: "on Sunday" -> "Sunday". */
  leadingPrepositions: readonly string[];
  /** TIMEX3 parts of day: "morning" -> "MO". */
  partsOfDay: Readonly<Record<string, string>>;
  /** Parts of day that name a time alone ("tonight"); the others need "this", "last"... ("the night"). */
  standalonePartsOfDay: readonly string[];
  /** Words that show a number is a clock time ("at 9 p.m.", not "at 9 sites"). */
  clockWords: readonly string[];
}

export interface QuantityLexicon {
  numbers: NumberWords;
  quantities: QuantityWords;
  times: TimeWords;
}

/** The project's own lexicon, from `src/analyze/quantities/` or `dist/analyze/quantities/`. */
export const DEFAULT_QUANTITY_LEXICON = new URL("../../../data/lexicons/quantities.json", import.meta.url);

export function loadQuantityLexicon(file: URL | string = DEFAULT_QUANTITY_LEXICON): QuantityLexicon {
  return parseQuantityLexicon(JSON.parse(readFileSync(file, "utf8")), String(file));
}

const VAGUE_REFERENCES: readonly VagueReference[] = ["PAST_REF", "PRESENT_REF", "FUTURE_REF"];

/** Validates the JSON shape and returns it typed; throws with the path of the first bad entry. */
export function parseQuantityLexicon(json: unknown, where = "quantities.json"): QuantityLexicon {
  const root = objectAt(json, where);
  const n = objectAt(root.numbers, `${where}#numbers`);
  const q = objectAt(root.quantities, `${where}#quantities`);
  const t = objectAt(root.times, `${where}#times`);
  const at = (section: string, key: string) => `${where}#${section}.${key}`;
  return {
    numbers: {
      units: numberRecord(n.units, at("numbers", "units")),
      tens: numberRecord(n.tens, at("numbers", "tens")),
      scales: numberRecord(n.scales, at("numbers", "scales")),
      scaleAbbreviations: numberRecord(n.scaleAbbreviations, at("numbers", "scaleAbbreviations")),
      groups: numberRecord(n.groups, at("numbers", "groups")),
      fractions: numberRecord(n.fractions, at("numbers", "fractions")),
      vaguePlurals: numberRecord(n.vaguePlurals, at("numbers", "vaguePlurals")),
      vagueQuantifiers: numberRecord(n.vagueQuantifiers, at("numbers", "vagueQuantifiers")),
      vaguePluralsNeedingOf: stringList(n.vaguePluralsNeedingOf, at("numbers", "vaguePluralsNeedingOf")),
      misspellings: stringRecord(n.misspellings, at("numbers", "misspellings")),
    },
    quantities: {
      approximators: stringList(q.approximators, at("quantities", "approximators")),
      lowerBounds: stringList(q.lowerBounds, at("quantities", "lowerBounds")),
      upperBounds: stringList(q.upperBounds, at("quantities", "upperBounds")),
      rangePairs: pairList(q.rangePairs, at("quantities", "rangePairs")),
      rangeJoiners: stringList(q.rangeJoiners, at("quantities", "rangeJoiners")),
      currencies: stringRecord(q.currencies, at("quantities", "currencies")),
      percentWords: stringRecord(q.percentWords, at("quantities", "percentWords")),
      prefixUnits: stringList(q.prefixUnits, at("quantities", "prefixUnits")),
      headlessWordNumbers: stringList(q.headlessWordNumbers, at("quantities", "headlessWordNumbers")),
      casualties: casualtyWords(q.casualties, at("quantities", "casualties")),
      casualtyTransitiveVerbs: stringList(
        q.casualtyTransitiveVerbs,
        at("quantities", "casualtyTransitiveVerbs"),
      ),
      casualtyBridgeVerbs: stringList(q.casualtyBridgeVerbs, at("quantities", "casualtyBridgeVerbs")),
      casualtyTollVerbs: stringList(q.casualtyTollVerbs, at("quantities", "casualtyTollVerbs")),
    },
    times: {
      durationUnits: durationUnits(t.durationUnits, at("times", "durationUnits")),
      durationOpeners: stringList(t.durationOpeners, at("times", "durationOpeners")),
      setAdverbs: stringRecord(t.setAdverbs, at("times", "setAdverbs")),
      setQuantifiers: stringList(t.setQuantifiers, at("times", "setQuantifiers")),
      weekdays: numberRecord(t.weekdays, at("times", "weekdays")),
      relativeModifiers: numberRecord(t.relativeModifiers, at("times", "relativeModifiers")),
      periods: stringList(t.periods, at("times", "periods")),
      futureCues: stringList(t.futureCues, at("times", "futureCues")),
      vagueReferences: vagueReferences(t.vagueReferences, at("times", "vagueReferences")),
      yearContext: stringList(t.yearContext, at("times", "yearContext")),
      monthContext: stringList(t.monthContext, at("times", "monthContext")),
      eventRelative: stringList(t.eventRelative, at("times", "eventRelative")),
      anaphoricDays: stringList(t.anaphoricDays, at("times", "anaphoricDays")),
      anaphoricClauseOpeners: stringList(t.anaphoricClauseOpeners, at("times", "anaphoricClauseOpeners")),
      leadingPrepositions: stringList(t.leadingPrepositions, at("times", "leadingPrepositions")),
      partsOfDay: stringRecord(t.partsOfDay, at("times", "partsOfDay")),
      standalonePartsOfDay: stringList(t.standalonePartsOfDay, at("times", "standalonePartsOfDay")),
      clockWords: stringList(t.clockWords, at("times", "clockWords")),
    },
  };
}

function pairList(value: unknown, where: string): [string, string][] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list of [open, close] pairs`);
  return value.map((pair, i) => {
    const words = stringList(pair, `${where}[${i}]`);
    if (words.length !== 2) throw new Error(`${where}[${i}]: expected exactly two words`);
    return [words[0] as string, words[1] as string];
  });
}

export function durationUnits(value: unknown, where: string): Record<string, DurationUnit> {
  const record = objectAt(value, where);
  const out: Record<string, DurationUnit> = {};
  for (const [key, raw] of Object.entries(record)) {
    const entry = objectAt(raw, `${where}.${key}`);
    const precision = entry.precision as TimePrecision;
    if (typeof entry.timex !== "string" || !/^[A-Z]{1,2}$/.test(entry.timex)) {
      throw new Error(`${where}.${key}.timex: expected a TIMEX3 unit such as "Y" or "DE"`);
    }
    if (!(TIME_PRECISIONS as readonly string[]).includes(precision)) {
      throw new Error(`${where}.${key}.precision: use one of ${TIME_PRECISIONS.join(", ")}`);
    }
    out[key] = { timex: entry.timex, clock: entry.clock === true, precision };
  }
  return out;
}

export function vagueReferences(value: unknown, where: string): Record<string, VagueReference> {
  const record = stringRecord(value, where);
  for (const [key, v] of Object.entries(record)) {
    if (!VAGUE_REFERENCES.includes(v as VagueReference)) {
      throw new Error(`${where}.${key}: use one of ${VAGUE_REFERENCES.join(", ")}`);
    }
  }
  return record as Record<string, VagueReference>;
}

const CASUALTY_KINDS: readonly CasualtyKind[] = ["killed", "wounded", "captured", "displaced", "missing"];

function casualtyWords(value: unknown, where: string): Record<CasualtyKind, string[]> {
  const record = objectAt(value, where);
  const out = {} as Record<CasualtyKind, string[]>;
  for (const [key, words] of Object.entries(record)) {
    if (!CASUALTY_KINDS.includes(key as CasualtyKind)) {
      throw new Error(`${where}.${key}: use one of ${CASUALTY_KINDS.join(", ")}`);
    }
    out[key as CasualtyKind] = stringList(words, `${where}.${key}`).map((w) => w.toLowerCase());
  }
  for (const kind of CASUALTY_KINDS) out[kind] ??= [];
  return out;
}
