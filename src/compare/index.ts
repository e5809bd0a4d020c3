import { type EventActions, loadEventActions } from "../analyze/event-reports/index.js";
import { creditChain } from "../analyze/quotes/attributions.js";
import { outletLabels } from "../common/labels.js";
import { DEFAULT_EVENT_MERGER_OPTIONS } from "../events/index.js";
import type {
  Article,
  Comparison,
  ConflictKind,
  Event,
  Fact,
  FactCell,
  FactKind,
  FactStatus,
  Span,
  Story,
} from "../model/index.js";
import { type Claim, type ClaimContext, type ClaimReader, mergeClaims } from "./claims.js";
import { denialClaims } from "./denials.js";
import { coveredSentences, type Happening, happeningClaims, storyHappenings } from "./event-facts.js";
import { DEFAULT_READERS } from "./readers.js";
import { conflictKindOf, valuesAgree } from "./values.js";

export { outletLabels } from "../common/labels.js";
export {
  APPROXIMATE_MARGIN,
  fatalityRange,
  type Happening,
  humanise,
  storyHappenings,
} from "./event-facts.js";

/**
 * Views of the story beyond its facts (sourcing, framing, selected passages), built by other
 * parts of the comparison from the same articles, column names and facts.
 */
export type ComparisonDescriber = (
  articles: readonly Article[],
  outlets: ReadonlyMap<string, string>,
  facts: readonly Fact[],
) => Partial<Omit<Comparison, "outlets" | "facts">>;

export interface CompareOptions {
  /** How claims are read from an article besides its events; the default reads every other kind. */
  readers?: readonly ClaimReader[];
  /** Fills unknown parts of a partial date ("XXXX-11-08") from a full anchor date. */
  resolveDate: (value: string, anchor: string) => string;
  /** Finds the canonical actor behind a name read outside the text (a credit line). */
  resolveSource?: (name: string) => { actorId: string; canonical: string } | undefined;
  /** Action groups and actor sides (data/events/actions.json); loaded when absent. */
  actions?: EventActions;
  /** Two places closer than this are one site; the event merger's distance by default. */
  nearKm?: number;
  /** Adds the sourcing, framing and selection views to each comparison. */
  describe?: ComparisonDescriber;
}

/** Order of fact kinds within a happening, and of the facts told outside any happening. */
const EVENT_KIND_ORDER: FactKind[] = ["event", "actor", "target", "date", "place", "number", "outcome"];
const OTHER_KIND_ORDER: FactKind[] = [
  "event",
  "number",
  "outcome",
  "date",
  "quote",
  "citation",
  "place",
  "framing",
];

/**
 * A fact is an omission for the outlets that leave it out when more than this share of the
 * story's independent texts tell it ("most outlets report it"), and at least MIN_TELLERS do.
 */
export const OMISSION_SHARE = 0.5;
/** With two texts, one telling a fact is no majority; two telling it against one silent is. */
export const OMISSION_MIN_TELLERS = 2;

export type Comparer = (story: Story, articles: readonly Article[], events: readonly Event[]) => Comparison;

/**
 * Sets each outlet's claims against the others, fact by fact. A fact one independent text alone
 * gives is "only" there; values that cannot both be true "conflict" (numbers, dates, actors,
 * places, or a denial of what another affirms); the rest "agree". What happened, who, to whom,
 * when, where and how many come from the story's merged events; quotes, citations, places named
 * and loaded words from each article's annotations.
 */
export function createComparer(options: CompareOptions): Comparer {
  const readers = options.readers ?? DEFAULT_READERS;
  const actions = options.actions ?? loadEventActions();
  const nearKm = options.nearKm ?? DEFAULT_EVENT_MERGER_OPTIONS.nearKm;
  const sides = new Map(
    Object.entries(actions.sides).flatMap(([side, cats]) => cats.map((c) => [c, side] as const)),
  );

  return (story, all, events = []) => {
    // Columns follow the story's own article order, which the reports list the articles in.
    const byId = new Map(all.map((a) => [a.id, a]));
    const articles = story.articleIds.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
    const outlets = outletLabels(articles);
    const storyEvents = new Set(story.eventIds ?? []);
    const happenings = storyHappenings(
      events.filter((e) => storyEvents.has(e.id)),
      articles,
      { actions, nearKm },
    );
    const claimsByArticle = articles.map((article) =>
      mergeClaims([
        ...happenings.flatMap((h) => happeningClaims(h, article, sides)),
        ...denialClaims(article, happenings, actions),
        ...readArticle(article, story, happenings).map((c) => canonicalCitation(c, options)),
      ]),
    );
    const facts = alignFacts(articles, outlets, claimsByArticle);
    const described = options.describe?.(articles, outlets, facts) ?? {};
    return { ...described, outlets: articles.map((a) => outlets.get(a.id) as string), facts };
  };

  function readArticle(article: Article, story: Story, happenings: readonly Happening[]): Claim[] {
    const anchor = story.firstPublished;
    const covered = coveredSentences(article, happenings);
    const context: ClaimContext = {
      resolveDate: (value) => (anchor ? options.resolveDate(value, anchor) : value),
      coveredByEvent: (_, span: Span) => covered.some((s) => span.start >= s.start && span.end <= s.end),
    };
    return readers.flatMap((read) => read(article, context));
  }
}

interface Told {
  article: Article;
  claim: Claim;
}

function alignFacts(articles: readonly Article[], outlets: Map<string, string>, claims: Claim[][]): Fact[] {
  const first = new Map<string, Claim>();
  for (const list of claims) for (const c of list) if (!first.has(c.key)) first.set(c.key, c);
  const storyTexts = independentTexts(articles);

  const facts = [...first.entries()].map(([key, head]): Fact & { happening?: number } => {
    const present = articles.map((article, i) => ({ article, claim: claims[i]?.find((c) => c.key === key) }));
    const told = present.filter((p): p is Told => p.claim !== undefined);
    const affirmed = told.filter((t) => !t.claim.denied);
    const denied = told.filter((t) => t.claim.denied);
    const conflict = conflictOf(head.kind, affirmed, denied);
    const clashing = (t: Told) =>
      conflict?.kind === "denial" || (conflict !== undefined && told.some((o) => !agree(head.kind, t, o)));
    const sources = independentTexts((affirmed.length > 0 ? affirmed : denied).map((t) => t.article));
    const cells = present.map(({ article, claim }): FactCell => ({
      articleId: article.id,
      outlet: outlets.get(article.id) as string,
      status: statusOf(claim, clashing, sources),
      wording: claim?.wording ?? [],
      ...(claim?.value !== undefined ? { value: claim.value } : {}),
      ...(claim?.denied ? { denied: true } : {}),
      ...(article.copyGroup ? { copyGroup: article.copyGroup.id } : {}),
    }));
    const omittedBy = omissionOf(head, cells, sources, storyTexts);
    return {
      id: key,
      kind: head.kind,
      label: head.label,
      cells,
      independentSources: sources,
      ...(conflict?.kind ? { conflict: conflict.kind, note: conflictNote(told, outlets) } : {}),
      ...(head.eventId ? { eventId: head.eventId } : {}),
      ...(omittedBy.length > 0 ? { omittedBy } : {}),
      ...(head.happening !== undefined ? { happening: head.happening } : {}),
    };

    function statusOf(claim: Claim | undefined, isClashing: (t: Told) => boolean, texts: number): FactStatus {
      if (!claim) return "absent";
      const self = told.find((t) => t.claim === claim) as Told;
      if (isClashing(self)) return "conflict";
      // A wire text and its reprints are one telling: carried by two outlets, confirmed by none.
      return texts <= 1 ? "only" : "agree";
    }
  });
  return facts.sort(factOrder).map(({ happening: _, ...fact }) => fact);
}

function agree(kind: FactKind, a: Told, b: Told): boolean {
  return valuesAgree(kind, a.claim.match ?? a.claim.value, b.claim.match ?? b.claim.value);
}

/**
 * Whether outlets disagree on a fact, and how. Denial first: an outlet saying it did not happen
 * outweighs a disagreement on details. Loaded wording that differs marks the cells but is no
 * conflict of facts: it has no kind.
 */
function conflictOf(
  kind: FactKind,
  affirmed: readonly Told[],
  denied: readonly Told[],
): { kind?: ConflictKind } | undefined {
  if (affirmed.length > 0 && denied.length > 0) return { kind: "denial" };
  const disagree = affirmed.some((a) => affirmed.some((b) => !agree(kind, a, b)));
  if (!disagree) return undefined;
  const conflict = conflictKindOf(kind);
  return conflict ? { kind: conflict } : {};
}

/**
 * Outlets silent on a fact that most of the story's independent texts tell. A place merely named
 * (not where a happening took place) is no blind spot: outlets name places in passing.
 */
function omissionOf(
  fact: { kind: FactKind; eventId?: string },
  cells: readonly FactCell[],
  tellers: number,
  storyTexts: number,
): string[] {
  if (fact.kind === "framing" || (fact.kind === "place" && fact.eventId === undefined)) return [];
  if (tellers < OMISSION_MIN_TELLERS || tellers <= storyTexts * OMISSION_SHARE) return [];
  return cells.filter((c) => c.status === "absent").map((c) => c.outlet);
}

/** "Wire: "12 people" (12-12); Daily: "dozens of people" (24-)". */
function conflictNote(told: readonly Told[], outlets: ReadonlyMap<string, string>): string {
  return told
    .map(
      ({ article, claim }) =>
        `${outlets.get(article.id)}: ${claim.display ?? claim.value ?? (claim.denied ? "denies it" : "tells it")}`,
    )
    .join("; ");
}

/** Articles of one copy group are one text, however many outlets republished it. */
function independentTexts(articles: readonly Article[]): number {
  return new Set(articles.map((article) => article.copyGroup?.id ?? article.id)).size;
}

/**
 * Event facts first, grouped by happening (most told first) in the order what, who, to whom,
 * when, where, how many, what came of it; then the other facts by kind. Within a kind, facts
 * more outlets tell come first: they are the backbone of the story.
 */
function factOrder(a: Fact & { happening?: number }, b: Fact & { happening?: number }): number {
  const rank = (f: typeof a) => f.happening ?? Number.POSITIVE_INFINITY;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const order = a.happening !== undefined ? EVENT_KIND_ORDER : OTHER_KIND_ORDER;
  return (
    order.indexOf(a.kind) - order.indexOf(b.kind) ||
    sharedFirst(a, b) ||
    a.label.localeCompare(b.label) ||
    a.id.localeCompare(b.id)
  );
}

function sharedFirst(a: Fact, b: Fact): number {
  const told = (f: Fact) => f.cells.filter((c) => c.status !== "absent").length;
  return told(b) - told(a);
}

function canonicalCitation(claim: Claim, options: CompareOptions): Claim {
  if (claim.kind !== "citation" || !options.resolveSource || !claim.key.startsWith("cite:")) return claim;
  // "AP via Independent": the wire is the source; the paper that carried it is only the channel.
  const name = creditChain(claim.label.replace(/^cites /, "")).at(-1) ?? "";
  const actor = options.resolveSource(name);
  return actor ? { ...claim, key: `cite:${actor.actorId}`, label: `cites ${actor.canonical}` } : claim;
}
