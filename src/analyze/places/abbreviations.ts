import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Entity, Span } from "../../model/index.js";
import type { Gazetteer, GazetteerEntry } from "./gazetteer.js";

/**
 * Abbreviated province names ("Ky.", "Calif.", "B.C.", "NSW", "Qld"; data/gazetteer/abbreviations.json):
 * found in the text exactly as written (case-sensitive, so "In" or "Me" never match "IN" or
 * "ME"), and read as a place only where the text makes that likely.
 */
export interface ProvinceAbbreviation {
  /** As written, periods included: "Calif.", "N.Y.", "NSW". */
  form: string;
  /** The provinces it may stand for ("WA": Washington or Western Australia). */
  targets: readonly { countryCode: string; admin1: string }[];
  /** No common other reading ("Calif.", "NSW"): read as a place anywhere, not only after "Town, ". */
  standalone: boolean;
}

export const DEFAULT_ABBREVIATIONS_PATH = fileURLToPath(
  new URL("../../../data/gazetteer/abbreviations.json", import.meta.url),
);

export function loadProvinceAbbreviations(path: string = DEFAULT_ABBREVIATIONS_PATH): ProvinceAbbreviation[] {
  const raw = JSON.parse(readFileSync(path, "utf8")) as { abbreviations?: unknown };
  if (!Array.isArray(raw.abbreviations)) throw new Error(`${path}: "abbreviations" must be an array`);
  return raw.abbreviations.map((a: Partial<ProvinceAbbreviation>, i: number) => {
    if (typeof a.form !== "string" || a.form === "" || !Array.isArray(a.targets) || a.targets.length === 0) {
      throw new Error(`${path}: abbreviation ${i} needs a "form" and at least one target`);
    }
    return { form: a.form, targets: a.targets, standalone: a.standalone === true };
  });
}

/** An abbreviation found in the text, with the provinces it may stand for. */
export interface AbbreviationMention extends Span {
  surface: string;
  candidates: readonly GazetteerEntry[];
}

export type AbbreviationFinder = (text: string, entities: readonly Entity[]) => AbbreviationMention[];

/** Entity types the recogniser gives abbreviations of provinces ("B.C." comes as LOC or MISC). */
const NAME_TYPES = new Set(["GPE", "LOC", "ORG", "MISC"]);
/** "300 B.C.": after a number, a dotted abbreviation is an era, not a province. */
const AFTER_NUMBER = /\d\s*$/;
/** "Lexington, " just before: a capitalised word and a comma ("Perth, WA", "LONDON, Ky."). */
const AFTER_TOWN = /\p{Lu}[\p{L}.'\u2019-]*,\s*$/u;
/** Characters looked back for "Town, ". */
const LOOKBEHIND = 40;

/**
 * Finds the abbreviations of a list in a text. Each is read as a place when the recogniser
 * took it for a name (not after a number), when it follows "Town, ", or, if `standalone`, anywhere. Abbreviations
 * naming no province of the gazetteer are ignored (a test keeps the data free of them).
 */
export function createAbbreviationFinder(
  gazetteer: Gazetteer,
  abbreviations: readonly ProvinceAbbreviation[],
): AbbreviationFinder {
  const byForm = new Map<string, { candidates: GazetteerEntry[]; standalone: boolean }>();
  for (const a of abbreviations) {
    const candidates = a.targets.flatMap((t) => provinces(gazetteer, t.countryCode, t.admin1));
    if (candidates.length > 0) byForm.set(a.form, { candidates, standalone: a.standalone });
  }
  const pattern = formsPattern([...byForm.keys()]);

  return (text, entities) => {
    if (pattern === undefined) return [];
    const found: AbbreviationMention[] = [];
    for (const match of text.matchAll(pattern)) {
      const surface = match[0];
      const start = match.index ?? 0;
      const end = start + surface.length;
      const known = byForm.get(surface);
      if (!known) continue;
      const before = text.slice(Math.max(0, start - LOOKBEHIND), start);
      const typed = entities.some(
        (e) =>
          NAME_TYPES.has(e.type) && e.start <= start && e.end >= end && e.end - e.start <= surface.length + 1,
      );
      const named = typed && !AFTER_NUMBER.test(before);
      if (named || AFTER_TOWN.test(before) || known.standalone) {
        found.push({ start, end, surface, candidates: known.candidates });
      }
    }
    return found;
  };
}

/** The first-level areas of that name in that country. */
export function provinces(gazetteer: Gazetteer, countryCode: string, admin1: string): GazetteerEntry[] {
  return gazetteer
    .lookup(admin1)
    .filter((e) => e.featureCode === "ADM1" && e.countryCode === countryCode && e.name === admin1);
}

/**
 * One pattern for all forms, longest first ("N.W.T." before "NT"), each standing alone: not
 * inside a word or a longer dotted abbreviation. Forms ending in a period may end a sentence.
 */
function formsPattern(forms: string[]): RegExp | undefined {
  if (forms.length === 0) return undefined;
  const alternatives = [...forms]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}.])(?:${alternatives})(?![\\p{L}\\p{N}]|\\.\\p{L})`, "gu");
}
