import type { Article, Event, Story } from "../model/index.js";

/**
 * The events stage: reports of the same happening, from every article, become one event with
 * each source's value of each field. Incremental like clustering: events passed in keep their
 * ids, and new reports join them or start new events.
 */
export type EventMerger = (
  articles: readonly Article[],
  stories: readonly Story[],
  existing?: readonly Event[],
) => Event[];

// INTERIM (issue 5 in progress): one event per report; the merger replaces this.
export function createEventMerger(): EventMerger {
  return () => [];
}
