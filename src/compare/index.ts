import type { Article, Comparison, Fact, FactCell, FactKind, Story } from "../model/index.js";
import { type Claim, type ClaimContext, type ClaimReader, mergeClaims } from "./claims.js";
import { DEFAULT_READERS } from "./readers.js";
import { valuesAgree } from "./values.js";
import { creditChain } from "../analyze/quotes/attributions.js";
import { outletLabels } from "../common/labels.js";

export { outletLabels } from "../common/labels.js";

export interface CompareOptions {
  /** How claims are read from an article; the default reads every kind of fact. */
  readers?: readonly ClaimReader[];
  /** Fills unknown parts of a partial date ("XXXX-11-08") from a full anchor date. */
  resolveDate: (value: string, anchor: string) => string;
  /** Finds the canonical actor behind a name read outside the text (a credit line). */
  resolveSource?: (name: string) => { actorId: string; canonical: string } | undefined;
}

/** Order of fact kinds in a comparison: what happened first, then how it is told. */
const KIND_ORDER: FactKind[] = ["event", "date", "number", "quote", "citation", "place", "framing"];

export type Comparer = (story: Story, articles: readonly Article[]) => Comparison;

/**
 * Sets each outlet's claims against the others, fact by fact. A fact one outlet states and the
 * others do not is "only" there; values that cannot both be true "conflict"; the rest "agree".
 */
export function createComparer(options: CompareOptions): Comparer {
  const readers = options.readers ?? DEFAULT_READERS;
  return (story, all) => {
    // Columns follow the story's own article order, which the reports list the articles in.
    const byId = new Map(all.map((a) => [a.id, a]));
    const articles = story.articleIds.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
    const outlets = outletLabels(articles);
    const anchor = story.firstPublished;
    const context: ClaimContext = {
      resolveDate: (value) => (anchor ? options.resolveDate(value, anchor) : value),
    };
    const claimsByArticle = articles.map((article) =>
      mergeClaims(
        readers.flatMap((read) => read(article, context)).map((c) => canonicalCitation(c, options)),
      ),
    );
    const facts = alignFacts(articles, outlets, claimsByArticle);
    return { outlets: articles.map((a) => outlets.get(a.id) as string), facts };
  };
}

function alignFacts(articles: readonly Article[], outlets: Map<string, string>, claims: Claim[][]): Fact[] {
  const keys = new Map<string, { kind: FactKind; label: string }>();
  for (const list of claims)
    for (const c of list) if (!keys.has(c.key)) keys.set(c.key, { kind: c.kind, label: c.label });

  const facts = [...keys.entries()].map(([key, { kind, label }]): Fact => {
    const present = articles.map((article, i) => ({ article, claim: claims[i]?.find((c) => c.key === key) }));
    const told = present.filter((p) => p.claim);
    const conflicting = told.some((a) =>
      told.some((b) => !valuesAgree(kind, a.claim?.value, b.claim?.value)),
    );
    const cells = present.map(({ article, claim }): FactCell => ({
      articleId: article.id,
      outlet: outlets.get(article.id) as string,
      status: !claim ? "absent" : told.length === 1 ? "only" : conflicting ? "conflict" : "agree",
      wording: claim?.wording ?? [],
      value: claim?.value,
      ...(article.copyGroup ? { copyGroup: article.copyGroup.id } : {}),
    }));
    return {
      id: key,
      kind,
      label,
      cells,
      independentSources: independentTexts(told.map((t) => t.article)),
      note: conflicting && kind !== "framing" ? differenceNote(told.map((t) => t.claim as Claim)) : undefined,
    };
  });
  return facts.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      sharedFirst(a, b) ||
      a.label.localeCompare(b.label),
  );
}

/** Articles of one copy group are one text, however many outlets republished it. */
function independentTexts(articles: readonly Article[]): number {
  return new Set(articles.map((article) => article.copyGroup?.id ?? article.id)).size;
}

/** Facts more outlets tell come first within a kind: they are the backbone of the story. */
function sharedFirst(a: Fact, b: Fact): number {
  const told = (f: Fact) => f.cells.filter((c) => c.status !== "absent").length;
  return told(b) - told(a);
}

function differenceNote(claims: Claim[]): string {
  return `values differ: ${[...new Set(claims.map((c) => c.value ?? "?"))].join(" vs ")}`;
}

function canonicalCitation(claim: Claim, options: CompareOptions): Claim {
  if (claim.kind !== "citation" || !options.resolveSource || !claim.key.startsWith("cite:")) return claim;
  // "AP via Independent": the wire is the source; the paper that carried it is only the channel.
  const name = creditChain(claim.label.replace(/^cites /, "")).at(-1) ?? "";
  const actor = options.resolveSource(name);
  return actor ? { ...claim, key: `cite:${actor.actorId}`, label: `cites ${actor.canonical}` } : claim;
}
