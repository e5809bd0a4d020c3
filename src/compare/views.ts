import type { HeadlineScorer } from "../analyze/framing/index.js";
import type { ComparisonDescriber } from "./index.js";
import { outletFraming } from "./framing.js";
import type { PassageSelector } from "./selection.js";
import type { Sourcer } from "./sourcing.js";

/** What the outlet views of a comparison are built from; each is created once from knowledge. */
export interface OutletViewParts {
  sourcing: Sourcer;
  headline: HeadlineScorer;
  selector: PassageSelector;
}

/**
 * The comparison's views beside the fact table: per article, whose words it carries and whom it
 * cites (sourcing), how it labels and words the story (framing), and the passages that look
 * chosen to sway (selected). Each reads the story's articles only, in the story's order.
 */
export function createOutletViews(parts: OutletViewParts): ComparisonDescriber {
  return (articles, outlets) => {
    const outletOf = (id: string) => outlets.get(id) ?? id;
    return {
      selected: parts.selector.select(articles, outlets),
      sourcing: articles.map((article) => parts.sourcing(article, outletOf(article.id))),
      framing: articles.map((article) => outletFraming(article, outletOf(article.id), parts.headline)),
    };
  };
}
