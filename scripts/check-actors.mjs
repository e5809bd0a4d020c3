#!/usr/bin/env node
// Validates data/actors/ (or the folder given as argument): actors.json, demonyms.json and
// name-rules.json. Prints every problem and exits 1 when there is one.
// Run: node scripts/check-actors.mjs [dir]
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ENTITY_TYPES = ["PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"];
const CONTEXT_RULES = ["source", "mixed-case"];
const ID_PATTERN = /^[a-z0-9][a-z0-9:.-]*$/;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;
const RULE_LISTS = [
  "personTitles",
  "orgHeads",
  "locHeads",
  "gpeHeads",
  "nameJoiners",
  "joinerNeedsHead",
  "namePrefixesWithHyphen",
  "nameParticles",
  "notNames",
  "sourceCuesBefore",
  "sourceCuesAfter",
  "appositiveRoles",
  "locativePrepositions",
  "possessiveSuffixes",
];

/** Returns the list of problems found in the actor files of `dir` (empty when they are valid). */
export function checkActorFiles(dir) {
  const problems = [];
  const actors = readList(dir, "actors.json", "actors", problems);
  const demonyms = readList(dir, "demonyms.json", "demonyms", problems);
  checkActors(actors, problems);
  checkDemonyms(demonyms, problems);
  checkSharedNames(actors, demonyms, problems);
  checkRules(dir, problems);
  return problems;
}

function readJson(dir, file, problems) {
  try {
    return JSON.parse(readFileSync(join(dir, file), "utf8"));
  } catch (error) {
    problems.push(`${file}: cannot be read as JSON (${error.message})`);
    return undefined;
  }
}

function readList(dir, file, key, problems) {
  const data = readJson(dir, file, problems);
  if (data === undefined) return [];
  if (!Array.isArray(data[key])) {
    problems.push(`${file}: "${key}" must be a list`);
    return [];
  }
  return data[key];
}

function checkActors(actors, problems) {
  const ids = new Set();
  actors.forEach((actor, index) => {
    const where = `actors.json #${index} (${actor?.id ?? "no id"})`;
    if (typeof actor?.id !== "string" || !ID_PATTERN.test(actor.id))
      problems.push(`${where}: id must match ${ID_PATTERN}`);
    else if (ids.has(actor.id)) problems.push(`${where}: duplicate id`);
    else ids.add(actor.id);
    if (typeof actor?.canonical !== "string" || actor.canonical.trim() === "")
      problems.push(`${where}: canonical is required`);
    if (!ENTITY_TYPES.includes(actor?.type))
      problems.push(`${where}: type must be one of ${ENTITY_TYPES.join(", ")}`);
    if (typeof actor?.category !== "string" || actor.category === "")
      problems.push(`${where}: category is required`);
    if (actor?.country !== undefined && !COUNTRY_PATTERN.test(actor.country))
      problems.push(`${where}: country must be ISO alpha-2`);
    if (!Array.isArray(actor?.aliases) || actor.aliases.length === 0)
      problems.push(`${where}: aliases must be a non-empty list`);
    if (actor?.acronyms !== undefined && !Array.isArray(actor.acronyms))
      problems.push(`${where}: acronyms must be a list`);
    const seen = new Set();
    for (const alias of [...(actor?.aliases ?? []), ...(actor?.acronyms ?? [])]) {
      const problem = aliasProblem(alias);
      if (problem) problems.push(`${where}: ${problem}`);
      const text = aliasText(alias);
      if (seen.has(text)) problems.push(`${where}: "${text}" is listed twice`);
      seen.add(text);
    }
  });
  for (const actor of actors) {
    for (const other of actor?.allowSharedWith ?? []) {
      if (!ids.has(other))
        problems.push(`actors.json (${actor.id}): allowSharedWith names unknown id "${other}"`);
    }
  }
}

function aliasText(alias) {
  return typeof alias === "string" ? alias : alias?.text;
}

function aliasProblem(alias) {
  if (typeof alias === "string") return alias.trim() === "" ? "empty alias" : undefined;
  if (typeof alias?.text !== "string" || alias.text.trim() === "") return "alias object needs a text";
  if (alias.caseSensitive !== undefined && typeof alias.caseSensitive !== "boolean")
    return `"${alias.text}": caseSensitive must be true or false`;
  for (const rule of alias.requiresContext ?? []) {
    if (!CONTEXT_RULES.includes(rule))
      return `"${alias.text}": unknown context rule "${rule}" (valid: ${CONTEXT_RULES.join(", ")})`;
  }
  return undefined;
}

function checkDemonyms(demonyms, problems) {
  demonyms.forEach((d, index) => {
    const where = `demonyms.json #${index} (${d?.demonym ?? "no demonym"})`;
    if (typeof d?.demonym !== "string" || d.demonym === "") problems.push(`${where}: demonym is required`);
    if (!COUNTRY_PATTERN.test(d?.country ?? "")) problems.push(`${where}: country must be ISO alpha-2`);
    if (d?.plural !== undefined && typeof d.plural !== "string")
      problems.push(`${where}: plural must be a string`);
  });
}

/**
 * One name, two actors: an alias listed by two entries (unless one allows it with
 * allowSharedWith), or a demonym that is also an actor's alias. Names compare without case
 * unless both are exact-case, as the matcher does.
 */
function checkSharedNames(actors, demonyms, problems) {
  const owners = new Map();
  const add = (text, owner) => {
    const key = text.toLowerCase();
    const list = owners.get(key) ?? [];
    list.push({ text, ...owner });
    owners.set(key, list);
  };
  for (const actor of actors) {
    for (const alias of [...(actor?.aliases ?? []), ...(actor?.acronyms ?? [])]) {
      const text = aliasText(alias);
      if (typeof text === "string") add(text, { id: actor.id, allow: actor.allowSharedWith ?? [] });
    }
  }
  for (const d of demonyms) {
    for (const text of [d?.demonym, d?.plural])
      if (typeof text === "string") add(text, { id: `norp:${d.country?.toLowerCase()}`, allow: [] });
  }
  for (const list of owners.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        const bothCaseless = /\s/.test(a.text) && /\s/.test(b.text); // the matcher ignores case in longer names
        if (a.id === b.id || (a.text !== b.text && !bothCaseless)) continue;
        if (a.allow.includes(b.id) || b.allow.includes(a.id)) continue;
        problems.push(`"${a.text}" names both ${a.id} and ${b.id}; remove one or add allowSharedWith`);
      }
    }
  }
}

function checkRules(dir, problems) {
  const rules = readJson(dir, "name-rules.json", problems);
  if (rules === undefined) return;
  for (const key of RULE_LISTS) {
    const list = rules[key];
    if (!Array.isArray(list) || list.length === 0 || list.some((w) => typeof w !== "string" || w === "")) {
      problems.push(`name-rules.json: "${key}" must be a non-empty list of words`);
    }
  }
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const dir = resolve(process.argv[2] ?? join(root, "data/actors"));
  const problems = checkActorFiles(dir);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`${problems.length} problem(s) in ${dir}`);
    process.exit(1);
  }
  console.log(`actor files in ${dir} are valid`);
}
