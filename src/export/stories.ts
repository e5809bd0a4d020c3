import { articleLabel } from "../common/labels.js";
import { getCountryDataList } from "countries-list";
import type { Article, Event, Story } from "../model/index.js";
import type { Cell } from "./events.js";

/**
 * What an export reads of an article: its outlet label's sources and the places it names (a story
 * without events is placed by them). A whole Article is one; a store can read just these.
 */
export type ExportArticle = Pick<Article, "id" | "outlet" | "url" | "origin"> & {
  annotations: Pick<Article["annotations"], "places">;
};

/** One row per story: its span in time, its articles and outlets, its events and where they happened. */
export const STORY_COLUMNS = [
  "story_id",
  "title",
  "first_published",
  "last_published",
  "article_count",
  "outlets",
  "article_ids",
  "event_ids",
  "places",
  "countries",
] as const;

export type StoryColumn = (typeof STORY_COLUMNS)[number];
export type StoryRow = Record<StoryColumn, Cell>;

export type StoryRowMapper = (
  story: Story,
  articles: ReadonlyMap<string, ExportArticle>,
  events: ReadonlyMap<string, Event>,
) => StoryRow;

export interface StoryRowOptions {
  /**
   * A story without events is placed by the places its articles mention most: this many. Three
   * names the main place and its surroundings without listing every place a background paragraph names.
   */
  mentionedPlaces: number;
}

export const DEFAULT_STORY_ROW_OPTIONS: StoryRowOptions = { mentionedPlaces: 3 };

const LIST_SEPARATOR = "; ";

export function createStoryRowMapper(options: Partial<StoryRowOptions> = {}): StoryRowMapper {
  const opts = { ...DEFAULT_STORY_ROW_OPTIONS, ...options };
  const countryNames = new Map<string, string>(getCountryDataList().map((c) => [c.iso2, c.name]));
  return (story, articles, events) => {
    const members = story.articleIds
      .map((id) => articles.get(id))
      .filter((a): a is ExportArticle => a !== undefined);
    const storyEvents = (story.eventIds ?? [])
      .map((id) => events.get(id))
      .filter((e): e is Event => e !== undefined);
    const places =
      storyEvents.length > 0 ? eventPlaces(storyEvents) : mostMentioned(members, opts.mentionedPlaces);
    const countries = unique(
      places.map(
        (p) => p.country ?? (p.countryCode ? countryNames.get(p.countryCode.toUpperCase()) : undefined),
      ),
    );
    return {
      story_id: story.id,
      title: story.title,
      first_published: story.firstPublished ?? null,
      last_published: story.lastPublished ?? null,
      article_count: story.articleIds.length,
      outlets: unique(members.map((a) => articleLabel(a))).join(LIST_SEPARATOR) || null,
      article_ids: story.articleIds.join(LIST_SEPARATOR),
      event_ids: (story.eventIds ?? []).join(LIST_SEPARATOR) || null,
      places: unique(places.map((p) => p.name)).join(LIST_SEPARATOR) || null,
      countries: countries.join(LIST_SEPARATOR) || null,
    };
  };
}

interface NamedPlace {
  name: string;
  countryCode?: string;
  country?: string;
}

function eventPlaces(events: readonly Event[]): NamedPlace[] {
  return events.flatMap((e) => (e.fields.place.resolved ? [e.fields.place.resolved] : []));
}

/** The places the articles mention most often, most first (ties: first mentioned first). */
function mostMentioned(articles: readonly ExportArticle[], limit: number): NamedPlace[] {
  const counts = new Map<string, { place: NamedPlace; count: number }>();
  for (const place of articles.flatMap((a) => a.annotations.places)) {
    const key = place.geonameId !== undefined ? String(place.geonameId) : place.name;
    const entry = counts.get(key) ?? {
      place: { name: place.name, countryCode: place.countryCode },
      count: 0,
    };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map((e) => e.place);
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined && v !== ""))];
}
