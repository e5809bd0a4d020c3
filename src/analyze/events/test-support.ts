import type {
  Article,
  Entity,
  EntityType,
  Place,
  PlaceFeature,
  Span,
  TimeMention,
} from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { tokenizedArticle } from "../test-support.js";

/**
 * Test support for the quote, event and framing components: articles built by hand from text,
 * real tokens, and hand-made entity, place and time mentions (other components make those).
 * Used only by tests.
 */

/** Every whole-word occurrence of `needle` in `text`. */
export function spansOf(text: string, needle: string): Span[] {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu");
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + needle.length }));
}

export interface EntitySpec {
  needle: string;
  type: EntityType;
  canonical: string;
  actorId: string;
  category?: string;
}

export function entities(text: string, specs: readonly EntitySpec[]): Entity[] {
  return specs
    .flatMap((spec) =>
      spansOf(text, spec.needle).map((span): Entity => ({
        ...span,
        text: text.slice(span.start, span.end),
        provenance: { stage: "analyze", method: "test" },
        type: spec.type,
        canonical: spec.canonical,
        actorId: spec.actorId,
        ...(spec.category ? { category: spec.category } : {}),
      })),
    )
    .sort((a, b) => a.start - b.start);
}

export interface PlaceSpec {
  needle: string;
  name: string;
  feature: PlaceFeature;
  geonameId?: number;
}

export function places(text: string, specs: readonly PlaceSpec[]): Place[] {
  return specs
    .flatMap((spec) =>
      spansOf(text, spec.needle).map((span): Place => ({
        ...span,
        text: text.slice(span.start, span.end),
        provenance: { stage: "analyze", method: "test" },
        name: spec.name,
        feature: spec.feature,
        lat: 0,
        lon: 0,
        confidence: 0.9,
        ...(spec.geonameId !== undefined ? { geonameId: spec.geonameId } : {}),
      })),
    )
    .sort((a, b) => a.start - b.start);
}

export function times(text: string, specs: readonly { needle: string; value: string }[]): TimeMention[] {
  return specs
    .flatMap((spec) =>
      spansOf(text, spec.needle).map((span): TimeMention => ({
        ...span,
        text: text.slice(span.start, span.end),
        provenance: { stage: "analyze", method: "test" },
        timexType: "DATE",
        value: spec.value,
        precision: "day",
      })),
    )
    .sort((a, b) => a.start - b.start);
}

/** An article with real tokens and sentences and the given mentions. */
export function articleOf(
  tokenizer: AnalysisComponent,
  text: string,
  mentions: { entities?: Entity[]; places?: Place[]; times?: TimeMention[] } = {},
): Article {
  const bare = tokenizedArticle(tokenizer, text);
  return {
    ...bare,
    annotations: {
      ...bare.annotations,
      entities: mentions.entities ?? [],
      places: mentions.places ?? [],
      times: mentions.times ?? [],
    },
  };
}
