import type {
  Article,
  Fact,
  LoadDriver,
  OutletFraming,
  OutletProfile,
  OutletSourcing,
  SpeakerKind,
  Story,
} from "../model/index.js";

/**
 * The per-story sections after the fact table (sourcing, framing, selected passages) and the
 * outlet profiles, as plain unescaped text: the terminal strips control characters from it and
 * Markdown escapes it, each in its own renderer.
 */

/** Lines under one heading: an outlet's, or the story's labels set side by side. */
export interface Block {
  head: string;
  lines: string[];
}

export interface Section {
  title: string;
  blocks: Block[];
}

export interface SectionOptions {
  /** Speakers named per outlet before "(+N more)": the JSON has them all. */
  maxSpeakers: number;
  /** Cited sources named per outlet: more than speakers, since a report is judged by whom it cites. */
  maxCitations: number;
  /** Selected passages shown per outlet, highest score first. */
  maxSelected: number;
  /** Longest passage shown, in characters, before it is cut with "…". */
  maxPassage: number;
}

export const DEFAULT_SECTION_OPTIONS: SectionOptions = {
  maxSpeakers: 6,
  maxCitations: 10,
  maxPassage: 200,
  maxSelected: 3,
};

export function storySections(
  story: Story,
  articles: ReadonlyMap<string, Article>,
  options: Partial<SectionOptions> = {},
): Section[] {
  const opts = { ...DEFAULT_SECTION_OPTIONS, ...options };
  return [
    crossCheckSection(story),
    sourcingSection(story, opts),
    framingSection(story, articles, opts),
    selectedSection(story, articles, opts),
  ].filter((s): s is Section => s !== undefined && s.blocks.length > 0);
}

// Conflicts and blind spots -----------------------------------------------------------------------

/**
 * The cross-check at a glance, before the details: every conflict with its kind and each side's
 * value, then per outlet the facts it leaves out that most others tell (its blind spots).
 */
function crossCheckSection(story: Story): Section | undefined {
  const facts = story.comparison?.facts;
  if (!facts) return undefined;
  const conflicts = facts.filter((f) => f.conflict !== undefined);
  const blocks: Block[] = [];
  if (conflicts.length > 0)
    blocks.push({
      head: `Conflicts (${conflicts.length})`,
      lines: conflicts.map((f) => `${f.conflict}: ${f.label}${f.note ? ` — ${f.note}` : ""}`),
    });
  for (const outlet of story.comparison?.outlets ?? []) {
    const missed = facts.filter((f) => f.omittedBy?.includes(outlet));
    if (missed.length === 0) continue;
    blocks.push({
      head: `${outlet} leaves out (${missed.length})`,
      lines: missed.map((f) => `${f.label} (told by ${tellers(f).join(", ")})`),
    });
  }
  return { title: "Conflicts and blind spots", blocks };
}

function tellers(fact: Fact): string[] {
  return [...new Set(fact.cells.filter((c) => c.status !== "absent").map((c) => c.outlet))];
}

// Sourcing ----------------------------------------------------------------------------------------

function sourcingSection(story: Story, opts: SectionOptions): Section | undefined {
  const sourcing = story.comparison?.sourcing;
  if (!sourcing) return undefined;
  const outletOf = new Map(sourcing.map((s) => [s.articleId, s.outlet]));
  return {
    title: "Sourcing",
    blocks: sourcing.map((s) => ({
      head: s.outlet + copyNote(s, outletOf),
      lines: [quoteLine(s), ...speakerLines(s, opts), ...citationLines(s, opts)],
    })),
  };
}

/** A republished copy says so: its quotes are the first copy's, not a second confirmation. */
function copyNote(s: OutletSourcing, outletOf: ReadonlyMap<string, string>): string {
  if (!s.copyGroup || s.copyGroup === s.articleId) return "";
  return ` (same text as ${outletOf.get(s.copyGroup) ?? s.copyGroup})`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function shareText(share: Partial<Record<SpeakerKind, number>>): string {
  return Object.entries(share)
    .filter((entry): entry is [string, number] => entry[1] !== undefined)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, value]) => `${kind} ${percent(value)}`)
    .join(", ");
}

function quoteLine(s: OutletSourcing): string {
  const quotes = s.speakers.reduce((sum, speaker) => sum + speaker.quotes, 0);
  if (quotes === 0) return "quotes: none";
  return `quotes by kind: ${shareText(s.quoteShare)} (${plural(quotes, "quote")} from ${plural(s.speakers.length, "speaker")})`;
}

function speakerLines(s: OutletSourcing, opts: SectionOptions): string[] {
  if (s.speakers.length === 0) return [];
  const named = [...s.speakers]
    .sort((a, b) => b.quotes - a.quotes)
    .map(
      (p) =>
        `${p.name} (${p.kind}, ${plural(p.quotes, "quote")}${p.direct > 0 ? `, ${p.direct} direct` : ""})`,
    );
  return [`speakers: ${capped(named, opts.maxSpeakers)}`];
}

function citationLines(s: OutletSourcing, opts: SectionOptions): string[] {
  if (s.citations.length === 0) return ["cites: nobody"];
  const cited = s.citations.map(
    (c) => `${[c.name, ...(c.citing ?? [])].join(", citing ")} (${c.kind}; ${c.cues.join(", ")})`,
  );
  return [`cites: ${capped(cited, opts.maxCitations)}`];
}

function capped(items: readonly string[], max: number): string {
  const more = items.length > max ? [`(+${items.length - max} more)`] : [];
  return [...items.slice(0, max), ...more].join("; ");
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// Framing -----------------------------------------------------------------------------------------

function framingSection(
  story: Story,
  articles: ReadonlyMap<string, Article>,
  opts: SectionOptions,
): Section | undefined {
  const framing = story.comparison?.framing;
  if (!framing) return undefined;
  const labels = labelBlock(framing);
  return {
    title: "Framing",
    blocks: [
      ...(labels ? [labels] : []),
      ...framing.map((f) => ({ head: f.outlet, lines: framingLines(f, articles.get(f.articleId), opts) })),
    ],
  };
}

/** "Syrian government: regime ×3 (A) | government (B)": each actor's labels, outlet by outlet. */
function labelBlock(framing: readonly OutletFraming[]): Block | undefined {
  const actors = new Map<string, string>();
  for (const f of framing) for (const use of f.labels) actors.set(actorKey(use), use.actor);
  if (actors.size === 0) return undefined;
  const lines = [...actors].map(([key, actor]) => {
    const sides = framing.map((f) => {
      const uses = f.labels.filter((use) => actorKey(use) === key).sort((a, b) => b.count - a.count);
      const words = uses.map((use) => `${use.label}${times(use.count)}`).join(", ");
      return `${words || "—"} (${f.outlet})`;
    });
    return `${actor}: ${sides.join(" | ")}`;
  });
  return { head: "Labels per actor", lines };
}

function actorKey(use: { actor: string; actorId?: string }): string {
  return use.actorId ?? use.actor.toLowerCase();
}

function times(count: number): string {
  return count > 1 ? ` ×${count}` : "";
}

function framingLines(f: OutletFraming, article: Article | undefined, opts: SectionOptions): string[] {
  return [loadedWordsLine(f), scoreLine(f), ...mostLoadedLine(f, article, opts)];
}

function loadedWordsLine(f: OutletFraming): string {
  if (f.loadedWords.length === 0) return "loaded words: none";
  const byCategory = new Map<string, string[]>();
  for (const w of [...f.loadedWords].sort((a, b) => b.count - a.count))
    byCategory.set(w.category, [...(byCategory.get(w.category) ?? []), `${w.entry}${times(w.count)}`]);
  return `loaded words: ${[...byCategory].map(([category, words]) => `${category}: ${words.join(", ")}`).join("; ")}`;
}

function scoreLine(f: OutletFraming): string {
  const body = `body ${score(f.bodyScore)}, ${percent(f.loadedShare)} of sentences loaded`;
  if (!f.headline) return `headline: none; ${body}`;
  return `headline ${score(f.headline.score)}${driverNote(f.headline.drivers)} vs ${body}`;
}

function score(value: number): string {
  return value.toFixed(2);
}

function driverNote(drivers: readonly LoadDriver[]): string {
  const words = [...new Set(drivers.map((d) => d.text))];
  return words.length > 0 ? ` (${words.join(", ")})` : "";
}

function mostLoadedLine(f: OutletFraming, article: Article | undefined, opts: SectionOptions): string[] {
  const top = f.mostLoaded[0];
  if (!top) return [];
  const text = article ? ` “${passage(article, top, opts.maxPassage)}”` : "";
  return [`most loaded (${score(top.score)}):${text}${driverNote(top.drivers)}`];
}

/** A passage of the article, whitespace folded and cut to `max` characters. */
export function passage(article: Article, span: { start: number; end: number }, max: number): string {
  const text = article.text.slice(span.start, span.end).replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// Selected passages -------------------------------------------------------------------------------

function selectedSection(
  story: Story,
  articles: ReadonlyMap<string, Article>,
  opts: SectionOptions,
): Section | undefined {
  const selected = story.comparison?.selected;
  if (!selected || selected.length === 0) return undefined;
  const outlets = [...new Set(selected.map((p) => p.articleId))];
  return {
    title: "Selected passages",
    blocks: outlets.map((articleId) => {
      const passages = selected
        .filter((p) => p.articleId === articleId)
        .sort((a, b) => b.score - a.score || a.start - b.start);
      const article = articles.get(articleId);
      const more =
        passages.length > opts.maxSelected ? [`(+${passages.length - opts.maxSelected} more)`] : [];
      return {
        head: passages[0]?.outlet ?? articleId,
        lines: [
          ...passages.slice(0, opts.maxSelected).map((p) => {
            const text = article ? ` “${passage(article, p, opts.maxPassage)}”` : "";
            return `${score(p.score)} ${p.cues.join(", ") || "selected"}:${text}`;
          }),
          ...more,
        ],
      };
    }),
  };
}

// Outlet profiles ---------------------------------------------------------------------------------

export const PROFILE_COLUMNS = [
  "Outlet",
  "Articles",
  "Stories (compared)",
  "Quotes by kind",
  "Top speakers",
  "Top labels",
  "Only / conflict / omits",
  "Load",
] as const;

/** Top items named in a profile's table cell. */
const PROFILE_TOP = 3;

/** One row per outlet, plain text, in PROFILE_COLUMNS order. */
export function profileRows(profiles: readonly OutletProfile[]): string[][] {
  return profiles.map((p) => [
    p.outlet,
    String(p.articles),
    `${p.stories} (${p.comparedStories})`,
    shareText(p.quoteShare) || "—",
    p.topSpeakers
      .slice(0, PROFILE_TOP)
      .map((s) => `${s.name} (${s.kind}, ${s.quotes})`)
      .join("; ") || "—",
    p.labels
      .slice(0, PROFILE_TOP)
      .map((l) => `${l.actor}: ${l.label}${times(l.count)}`)
      .join("; ") || "—",
    p.factsTold + p.omittedFacts === 0
      ? "—"
      : `${percent(p.onlyRate)} / ${percent(p.conflictRate)} / ${percent(p.omissionRate)} of ${plural(p.factsTold, "fact")}`,
    score(p.meanLoad),
  ]);
}
