#!/usr/bin/env node
// Validates data/events/ (or the folder given as argument): taxonomy.json and descriptions.jsonl, the
// labelled event descriptions the event-type classifier learns from. Prints counts per type and sub-type,
// then one line per problem, and exits 1 when there is one.
// Run: node scripts/check-events-data.mjs [dir]
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DESCRIPTION_ID_PATTERN = /^([a-z0-9-]+)-(\d{3})$/;
const ORIGINS = ["acled", "parallax"];
/** ACLED's sub-event labels, spelled exactly as ACLED does: an `acledLabel` must be one of them. */
const ACLED_LABELS = [
  "Armed clash",
  "Government regains territory",
  "Non-state actor overtakes territory",
  "Air/drone strike",
  "Shelling/artillery/missile attack",
  "Suicide bomb",
  "Remote explosive/landmine/IED",
  "Grenade",
  "Chemical weapon",
  "Attack",
  "Abduction/forced disappearance",
  "Sexual violence",
  "Peaceful protest",
  "Protest with intervention",
  "Excessive force against protesters",
  "Violent demonstration",
  "Mob violence",
  "Agreement",
  "Arrests",
  "Change to group/activity",
  "Disrupted weapons use",
  "Headquarters or base established",
  "Looting/property destruction",
  "Non-violent transfer of territory",
  "Other",
];
const DESCRIPTION_KEYS = ["id", "text", "type", "subType"];
/** One news sentence: long enough to carry an event, short enough to stay one event. */
const MIN_WORDS = 8;
const MAX_WORDS = 40;
/** Each sub-type needs this many examples so that its held-out fifth still has a few. */
const MIN_PER_SUBTYPE = 12;
/** The issue asks for at least 300; the brief for this set asks for 400. */
const MIN_TOTAL = 400;
/** Two texts opening with the same words are one sentence reworded, not two examples. */
const SAME_OPENING_WORDS = 8;
/** Word-set overlap (Jaccard) above which two texts count as near-duplicates. */
const MAX_WORD_OVERLAP = 0.6;
/** Held-out rule documented in data/events/README.md: every fifth number of each sub-type. */
const HELD_OUT_EVERY = 5;

/** True when the description with this id belongs to the held-out fifth (its number is a multiple of 5). */
export function isHeldOut(id) {
  const match = DESCRIPTION_ID_PATTERN.exec(id);
  return match !== null && Number(match[2]) % HELD_OUT_EVERY === 0;
}

/** Returns `{ problems, counts }` for the event files of `dir`; `problems` is empty when they are valid. */
export function checkEventFiles(dir) {
  const problems = [];
  const taxonomy = readTaxonomy(dir, problems);
  const parents = checkTaxonomy(taxonomy, problems);
  const descriptions = readDescriptions(dir, problems);
  descriptions.forEach((d) => checkDescription(d, parents, problems));
  checkUniqueIds(descriptions, problems);
  checkNearDuplicates(descriptions, problems);
  const counts = countBySubType(descriptions);
  checkCounts(parents, counts, descriptions.length, problems);
  return { problems, counts: summarize(taxonomy, counts, descriptions) };
}

function readTaxonomy(dir, problems) {
  try {
    return JSON.parse(readFileSync(join(dir, "taxonomy.json"), "utf8"));
  } catch (error) {
    problems.push(`taxonomy.json: cannot read: ${error.message}`);
    return { types: [] };
  }
}

/** Checks the taxonomy and returns a map from sub-type id to its type id. */
function checkTaxonomy(taxonomy, problems) {
  const parents = new Map();
  const typeIds = new Set();
  if (!Array.isArray(taxonomy.types)) problems.push("taxonomy.json: `types` must be an array");
  for (const type of taxonomy.types ?? []) {
    const where = `taxonomy.json: type ${JSON.stringify(type.id)}`;
    checkNode(type, where, problems);
    if (typeIds.has(type.id)) problems.push(`${where}: duplicate type id`);
    typeIds.add(type.id);
    if (!ORIGINS.includes(type.origin))
      problems.push(`${where}: origin must be one of ${ORIGINS.join(", ")}`);
    if (!Array.isArray(type.subTypes) || type.subTypes.length === 0) {
      problems.push(`${where}: needs a non-empty subTypes array`);
    }
    for (const sub of type.subTypes ?? []) {
      const subWhere = `taxonomy.json: sub-type ${JSON.stringify(sub.id)}`;
      checkNode(sub, subWhere, problems);
      if (parents.has(sub.id)) problems.push(`${subWhere}: duplicate sub-type id`);
      parents.set(sub.id, type.id);
      checkAcledLabel(sub, type.origin, subWhere, problems);
    }
  }
  return parents;
}

function checkNode(node, where, problems) {
  if (typeof node.id !== "string" || !ID_PATTERN.test(node.id))
    problems.push(`${where}: id must be kebab-case`);
  for (const key of ["label", "definition"]) {
    if (typeof node[key] !== "string" || node[key].trim() === "") problems.push(`${where}: missing ${key}`);
  }
}

function checkAcledLabel(sub, origin, where, problems) {
  if (origin === "acled" && sub.acledLabel === undefined)
    problems.push(`${where}: an ACLED type needs acledLabel`);
  if (sub.acledLabel !== undefined && !ACLED_LABELS.includes(sub.acledLabel)) {
    problems.push(`${where}: acledLabel ${JSON.stringify(sub.acledLabel)} is not an ACLED sub-event label`);
  }
}

function readDescriptions(dir, problems) {
  let text;
  try {
    text = readFileSync(join(dir, "descriptions.jsonl"), "utf8");
  } catch (error) {
    problems.push(`descriptions.jsonl: cannot read: ${error.message}`);
    return [];
  }
  const descriptions = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      descriptions.push({ ...JSON.parse(line), line: index + 1 });
    } catch (error) {
      problems.push(`descriptions.jsonl:${index + 1}: invalid JSON: ${error.message}`);
    }
  });
  return descriptions;
}

function checkDescription(d, parents, problems) {
  const where = `descriptions.jsonl:${d.line} (${d.id})`;
  const keys = Object.keys(d).filter((key) => key !== "line");
  if (keys.length !== DESCRIPTION_KEYS.length || !DESCRIPTION_KEYS.every((key) => keys.includes(key))) {
    problems.push(`${where}: keys must be exactly ${DESCRIPTION_KEYS.join(", ")}`);
  }
  const idMatch = DESCRIPTION_ID_PATTERN.exec(String(d.id));
  if (idMatch === null || idMatch[1] !== d.subType) problems.push(`${where}: id must be <subType>-NNN`);
  if (!parents.has(d.subType)) problems.push(`${where}: unknown subType ${JSON.stringify(d.subType)}`);
  else if (parents.get(d.subType) !== d.type) {
    problems.push(
      `${where}: type ${JSON.stringify(d.type)} is not the parent of ${d.subType} (${parents.get(d.subType)})`,
    );
  }
  checkText(String(d.text ?? ""), where, problems);
}

/** Words that headlines in title case leave in lower case. */
const HEADLINE_SMALL_WORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "in",
  "on",
  "at",
  "by",
  "for",
  "to",
  "and",
  "or",
  "as",
  "with",
  "from",
]);

/** A headline: no final stop, and every word but the small ones capitalised ("Rebels Seize Town In North"). */
function isHeadline(text) {
  const content = text.split(/[^\p{L}\p{N}']+/u).filter((w) => w !== "" && !HEADLINE_SMALL_WORDS.has(w));
  return !/[.!?]$/.test(text) && content.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

function checkText(text, where, problems) {
  const count = words(text).length;
  if (count < MIN_WORDS || count > MAX_WORDS)
    problems.push(`${where}: ${count} words, want ${MIN_WORDS}-${MAX_WORDS}`);
  if (text !== text.trim() || /\s{2,}/.test(text)) problems.push(`${where}: stray whitespace`);
  if (!/^["“]?[A-Z0-9]/.test(text) || !(/[.!?]$/.test(text) || isHeadline(text)))
    problems.push(`${where}: must start with a capital and end a sentence (or be a title-case headline)`);
  if (/[.!?]\s+[A-Z]/.test(text.slice(0, -1))) problems.push(`${where}: looks like more than one sentence`);
}

function words(text) {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((word) => word !== "");
}

function checkUniqueIds(descriptions, problems) {
  const seen = new Set();
  for (const d of descriptions) {
    if (seen.has(d.id)) problems.push(`descriptions.jsonl:${d.line}: duplicate id ${d.id}`);
    seen.add(d.id);
  }
}

function checkNearDuplicates(descriptions, problems) {
  const openings = new Map();
  const wordSets = descriptions.map((d) => new Set(words(String(d.text ?? ""))));
  descriptions.forEach((d, i) => {
    const opening = words(String(d.text ?? ""))
      .slice(0, SAME_OPENING_WORDS)
      .join(" ");
    if (openings.has(opening))
      problems.push(`descriptions.jsonl: ${d.id} opens like ${openings.get(opening)}`);
    else openings.set(opening, d.id);
    for (let j = 0; j < i; j += 1) {
      const overlap = jaccard(wordSets[i], wordSets[j]);
      if (overlap > MAX_WORD_OVERLAP) {
        problems.push(
          `descriptions.jsonl: ${d.id} nearly repeats ${descriptions[j].id} (overlap ${overlap.toFixed(2)})`,
        );
      }
    }
  });
}

function jaccard(a, b) {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared || 1);
}

function countBySubType(descriptions) {
  const counts = new Map();
  for (const d of descriptions) counts.set(d.subType, (counts.get(d.subType) ?? 0) + 1);
  return counts;
}

function checkCounts(parents, counts, total, problems) {
  for (const subType of parents.keys()) {
    const count = counts.get(subType) ?? 0;
    if (count < MIN_PER_SUBTYPE)
      problems.push(`descriptions.jsonl: ${subType} has ${count} descriptions, want >= ${MIN_PER_SUBTYPE}`);
  }
  if (total < MIN_TOTAL) problems.push(`descriptions.jsonl: ${total} descriptions, want >= ${MIN_TOTAL}`);
}

/** Rows `{ type, subType, total, heldOut }` in taxonomy order, for the printed table. */
function summarize(taxonomy, counts, descriptions) {
  return (taxonomy.types ?? []).flatMap((type) =>
    (type.subTypes ?? []).map((sub) => ({
      type: type.id,
      subType: sub.id,
      total: counts.get(sub.id) ?? 0,
      heldOut: descriptions.filter((d) => d.subType === sub.id && isHeldOut(d.id)).length,
    })),
  );
}

function printCounts(rows) {
  const byType = new Map();
  for (const row of rows) {
    const sum = byType.get(row.type) ?? { total: 0, heldOut: 0, subTypes: 0 };
    byType.set(row.type, {
      total: sum.total + row.total,
      heldOut: sum.heldOut + row.heldOut,
      subTypes: sum.subTypes + 1,
    });
  }
  console.log("type                          sub-types  total  held-out");
  for (const [type, sum] of byType) {
    console.log(
      `${type.padEnd(30)}${String(sum.subTypes).padStart(9)}${String(sum.total).padStart(7)}${String(sum.heldOut).padStart(10)}`,
    );
  }
  const total = rows.reduce((n, row) => n + row.total, 0);
  const heldOut = rows.reduce((n, row) => n + row.heldOut, 0);
  console.log(
    `${"all".padEnd(30)}${String(rows.length).padStart(9)}${String(total).padStart(7)}${String(heldOut).padStart(10)}`,
  );
  const smallest = rows.reduce((min, row) => (row.total < min.total ? row : min), rows[0] ?? { total: 0 });
  if (smallest.subType !== undefined)
    console.log(`smallest sub-type: ${smallest.subType} (${smallest.total})`);
}

function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = resolve(process.argv[2] ?? join(here, "..", "data", "events"));
  const { problems, counts } = checkEventFiles(dir);
  printCounts(counts);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`${problems.length} problem(s) in ${dir}`);
    process.exit(1);
  }
  console.log(`${dir}: valid`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
