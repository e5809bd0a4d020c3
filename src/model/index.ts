/**
 * The Parallax document model: every type that travels between stages is declared here and
 * nowhere else. A stage reads these values and returns new ones; it never mutates its input.
 *
 * Offsets: every mention carries [start, end) offsets into its article's clean `text`, as
 * JavaScript string indices (UTF-16 code units), so `text.slice(start, end)` is the mention.
 */

/** Version of the JSON output; bump the major part when a field changes meaning or disappears. */
export const SCHEMA_VERSION = "2.0.0";

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

export type StageName =
  | "ingest"
  | "extract"
  | "dedupe"
  | "analyze"
  | "cluster"
  | "events"
  | "compare"
  | "profile"
  | "store"
  | "report";

/** Where a value came from: which stage and which method (a rule, a dictionary, a library). */
export interface Provenance {
  stage: StageName;
  /** Stable method id, e.g. "dictionary:actors", "chrono", "readability", "dateline". */
  method: string;
  /** Confidence in [0, 1] when the method can tell; absent when it cannot. */
  confidence?: number;
}

export interface Span {
  start: number;
  end: number;
}

export type Severity = "error" | "warning" | "info";

/**
 * A problem found while processing, attached to the value it concerns. Only `error` makes a
 * run fail; the CLI and server summarise diagnostics and choose exit codes or statuses.
 */
export interface Diagnostic {
  severity: Severity;
  stage: StageName;
  /** Stable code, e.g. "ingest/binary-file"; tests and users may rely on it. */
  code: string;
  message: string;
  /** The input the problem concerns: a path, URL, "stdin" or "path#line". */
  input?: string;
  span?: Span;
}

/** How precisely a date or time is known, finest first. */
export const TIME_PRECISIONS = ["minute", "hour", "day", "week", "month", "year", "decade", "vague"] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

/** A date with its precision and where it was read from. `value` is ISO 8601 or TIMEX3-style. */
export interface DateValue {
  /** "2017-11-10T09:52", "2017-11-10", "2017-11", "2017"; a year unknown is "XXXX-11-08". */
  value: string;
  precision: TimePrecision;
  /** e.g. "dateline", "json-ld", "meta:article:published_time", "record", "inferred:story". */
  source: string;
}

/** A metadata value with where it came from. */
export interface Sourced<T> {
  value: T;
  source: string;
}

// ---------------------------------------------------------------------------------------------
// Ingest: what a source gives us before extraction
// ---------------------------------------------------------------------------------------------

/** How the content of a source document is to be read. */
export type ContentFormat = "html" | "raw" | "text";

/** Where a document came from. */
export interface Origin {
  /** File path, URL, or "stdin". */
  locator: string;
  /**
   * 1-based line of a JSONL record, 0-based index in a JSON array, or the byte offset of a WARC
   * record in its file (as CDX indexes give it).
   */
  record?: number;
  /** When the page was fetched (HTTP) or archived (WARC-Date), ISO 8601. */
  fetchedAt?: string;
}

/** One document as ingest hands it to extract: decoded text plus what the source told us. */
export interface SourceDocument {
  origin: Origin;
  format: ContentFormat;
  /** Decoded content (HTML markup, raw scraped text, or clean text). */
  content: string;
  /** Charset the bytes were decoded from, and how it was chosen. */
  encoding?: Sourced<string>;
  /** Values given by the source record itself (JSON fields); they win over extracted ones. */
  given: {
    id?: string;
    url?: string;
    outlet?: string;
    title?: string;
    published?: string;
    authors?: string[];
  };
  /**
   * What the container said of the document (a feed item's title and date, a sitemap's publication
   * date): used only where the page itself says nothing, unlike `given`.
   */
  hints?: { title?: string; published?: string };
}

// ---------------------------------------------------------------------------------------------
// Extract: the article and its metadata
// ---------------------------------------------------------------------------------------------

/** Why a block of the input was left out of the clean text. */
export const BOILERPLATE_KINDS = [
  "navigation",
  "caption",
  "image-placeholder",
  "donation",
  "comment-policy",
  "related-widget",
  "cookie-notice",
  "share-bar",
  "newsletter",
  "comments",
  "author-bio",
  "tags",
  "breadcrumb",
  "paywall",
  "advertisement",
  "timestamp",
  "credits",
  "metadata",
  "title",
  "other",
] as const;

export type BoilerplateKind = (typeof BOILERPLATE_KINDS)[number];

export interface RemovedBlock {
  kind: BoilerplateKind;
  text: string;
  /** Id of the rule that removed it, for debugging extraction. */
  rule: string;
}

/** Credit lines and captions are kept apart from the body: they name sources, not facts. */
export interface Credit {
  /** "sources": whom the text came from; "image": who made a picture; "other": unlabelled. */
  kind: "sources" | "image" | "other";
  text: string;
  /** Names read from the credit line, e.g. ["AP via Independent", "Newsweek", "Time"]. */
  names: string[];
}

/** An article after extraction; analysis adds its annotations in `annotations`. */
export interface Article {
  /** Stable id: the id given by the source, else a hash of the canonical URL or the clean text. */
  id: string;
  origin: Origin;
  url?: string;
  outlet?: Sourced<string>;
  title?: Sourced<string>;
  authors: Sourced<string>[];
  published?: DateValue;
  /** When the page says it was last changed, with where that came from. */
  modified?: DateValue;
  /** ISO 639-1 code, with the detector that chose it. */
  language?: Sourced<string>;
  /** The clean article text; paragraphs are separated by "\n\n". All offsets point into it. */
  text: string;
  /** SHA-256 (hex) of `text`, used to recognise the same article when it is ingested again. */
  contentHash: string;
  removed: RemovedBlock[];
  credits: Credit[];
  extractedBy: Provenance;
  diagnostics: Diagnostic[];
  annotations: Annotations;
  /** Present when other articles of the run carry the same text (a wire story republished). */
  copyGroup?: CopyGroup;
}

/**
 * Articles that carry one text: a wire story republished by several outlets, or the same page
 * ingested twice. The comparison counts a copy group as one source, not several confirmations.
 */
export interface CopyGroup {
  /** The group's id: the id of its first member (earliest published, then smallest id). */
  id: string;
  /** "exact": the same clean text as the first member; "near": a MinHash estimate over shingles. */
  match: "exact" | "near";
  /** Estimated Jaccard similarity of word shingles with the first member, in [0, 1]. */
  similarity: number;
  /** Ids of every member, the first one included, in order. */
  members: string[];
}

// ---------------------------------------------------------------------------------------------
// Analyze: mentions
// ---------------------------------------------------------------------------------------------

export type MentionKind =
  | "sentences"
  | "tokens"
  | "entities"
  | "places"
  | "times"
  | "quantities"
  | "quotes"
  | "attributions"
  | "events"
  | "eventReports"
  | "framing"
  | "actorLabels"
  | "loadedSentences";

interface MentionBase extends Span {
  /** Surface text, always equal to `article.text.slice(start, end)`. */
  text: string;
  provenance: Provenance;
}

export interface Token extends Span {
  text: string;
  /** Universal POS tag, e.g. "PROPN", "NOUN", "VERB", "PUNCT". */
  pos: string;
  /** Lower-cased lemma or normal form. */
  lemma: string;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

export type EntityType = "PERSON" | "ORG" | "GPE" | "LOC" | "NORP" | "MISC";

export interface Entity extends MentionBase {
  type: EntityType;
  /** Canonical name shared by every alias of the same actor, e.g. "Islamic State". */
  canonical: string;
  /** Id in the actor dictionary (e.g. "isis"), or a document-local id ("person:assad"). */
  actorId: string;
  /** Extra facts from the dictionary: country, category (state, armed-group, media, ...). */
  category?: string;
  country?: string;
  /** When an acronym was linked to its expansion in this text, the expansion's canonical name. */
  expansion?: string;
}

export type PlaceFeature =
  "country" | "admin1" | "admin2" | "city" | "region" | "facility" | "water" | "other";

export interface Place extends MentionBase {
  /** The entry's preferred name, e.g. "Abu Kamal". */
  name: string;
  geonameId?: number;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2 code. */
  countryCode?: string;
  admin1?: string;
  feature: PlaceFeature;
  /** GeoNames feature class and code, e.g. "P" / "PPLA2". */
  featureCode?: string;
  population?: number;
  /** In [0, 1]: how sure the resolver is that this entry is the place meant. */
  confidence: number;
  /** Id of the entity mention this place resolves, when there is one. */
  entityActorId?: string;
}

export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

export interface TimeMention extends MentionBase {
  timexType: TimexType;
  /** TIMEX3-style value: "2017-11-08", "XXXX-11-08" (year unknown), "2017-11", "P2Y", "PAST_REF". */
  value: string;
  precision: TimePrecision;
  /** The date the value was resolved against, when it needed one. */
  anchor?: string;
}

export interface Quantity extends MentionBase {
  /** Exact value, when it is a single number. */
  value?: number;
  /** A range ("between 2,500 and 3,500") or a bound ("more than 100": low 100). */
  low?: number;
  high?: number;
  /** "about", "nearly", "dozens": the number is an estimate. */
  approximate: boolean;
  /** Head noun of what is counted, singular lemma: "fighter", "people", "percent". */
  unit?: string;
  /** The whole phrase for what is counted, e.g. "ISIS fighters". */
  counted?: string;
  /**
   * What happened to the people counted, when the sentence says: "40 people were killed",
   * "killing 12 civilians", "3,000 displaced", "the death toll rose to 40" -> "killed".
   */
  casualty?: CasualtyKind;
  /** The value is a share of what is counted, not a count: "half of Syria's landmass" is 0.5. */
  fraction?: boolean;
}

/** What a casualty figure counts: the dead, the wounded, the captured, the displaced, the missing. */
export type CasualtyKind = "killed" | "wounded" | "captured" | "displaced" | "missing";

/** A person or body to whom words or information are attributed. */
export interface Speaker extends Span {
  text: string;
  /** Canonical name when the speaker is a known entity. */
  canonical?: string;
  actorId?: string;
  /** Description such as "army spokesman" or "a spokesman for the air base". */
  role?: string;
  /**
   * The body the speaker speaks for, read from the role: "a spokesman for the air base" -> the
   * air base, "Syrian army spokesman" -> the Syrian army. A speaker known only by such a
   * description also takes that body's `canonical` and `actorId`.
   */
  affiliation?: Span & { text: string; canonical?: string; actorId?: string };
}

export interface Quote extends MentionBase {
  /** The quoted words, without quotation marks (offsets of `text` include the marks). */
  content: string;
  speaker?: Speaker;
  /** Reporting verb or phrase: "said", "declared", "told". */
  cue?: string;
  direct: boolean;
}

export interface Attribution extends MentionBase {
  /** The cited source, e.g. "The Associated Press", "Newsweek". */
  source: Speaker;
  /** "according to", "reported", "told", "credit-line". */
  cue: string;
  /**
   * The source the cited source names in turn, the next link of article -> source -> its source:
   * "Time reported, citing officials" -> source Time, citing "officials"; "Newsweek, citing
   * the Associated Press" -> source Newsweek, citing the Associated Press.
   */
  citing?: Speaker;
}

/** A loaded, emotive or partisan word or phrase, from the framing lexicon. */
export interface LoadedTerm extends MentionBase {
  category: string;
  /** Lexicon entry that matched. */
  entry: string;
}

/**
 * A label a text gives an actor: the word it names or calls the actor by ("regime", "terrorists",
 * "rebels", "government forces"), or the word it gives the actor's deed ("liberation", "capture").
 */
export interface ActorLabel extends MentionBase {
  /** The labelled actor's canonical name, e.g. "Islamic State", "Syrian government". */
  actor: string;
  actorId?: string;
  /** The label's lexicon entry, lower-case: "regime", "terrorists", "liberation". */
  label: string;
  /** The label's category from the label lexicon, e.g. "pejorative", "neutral", "legitimising". */
  category: string;
}

/** A word that makes a sentence loaded, with its weight in the sentence's score. */
export interface LoadDriver extends Span {
  text: string;
  category: string;
  weight: number;
}

/** How loaded one sentence is: a score in [0, 1] and the words that drive it. */
export interface SentenceLoad extends Span {
  /** Index in `annotations.sentences`. */
  sentence: number;
  score: number;
  drivers: LoadDriver[];
}

export interface EventMention extends MentionBase {
  /** Normalised action from the event lexicon, e.g. "capture", "enter", "declare-clear", "attack". */
  action: string;
  /**
   * The sentence says the deed did not happen or that there is no evidence of it ("denied
   * striking", "no evidence that civilians were killed"). Denied mentions make no event report;
   * the cross-check sets them against outlets that affirm the deed.
   */
  denied?: boolean;
  /** Text of the trigger word or phrase and its span. */
  trigger: Span & { text: string };
  /** Sentence index the event was read from. */
  sentence: number;
  actor?: EventArgument;
  target?: EventArgument;
  place?: EventArgument;
  time?: EventArgument & { value: string; precision: TimePrecision };
}

export interface EventArgument extends Span {
  text: string;
  /** Canonical id of an actor or place when known. */
  id?: string;
  canonical?: string;
}

// ---------------------------------------------------------------------------------------------
// Events: what happened, as one article tells it and as all sources together tell it
// ---------------------------------------------------------------------------------------------

/**
 * How precisely an event's place is known, after ACLED's geo_precision: "exact" a named town or
 * site (1), "near" somewhere around a named place ("near", "outskirts of": 2), "region" a
 * province or district (3); "country" only the country.
 */
export const GEO_PRECISIONS = ["exact", "near", "region", "country"] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

/** Someone who takes part in an event: a dictionary actor when known, else the words used. */
export interface EventActor {
  /** Canonical name when the actor is known, else the text. */
  name: string;
  actorId?: string;
  /** Category from the actor dictionary: "armed-forces", "armed-group", "state", "person", ... */
  category?: string;
  /** ISO 3166-1 alpha-2 code of the actor's country, when it has one. */
  countryCode?: string;
}

export interface EventPlace {
  name: string;
  geonameId?: number;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2 code. */
  countryCode?: string;
  country?: string;
  admin1?: string;
  admin2?: string;
  precision: GeoPrecision;
}

export interface EventDate {
  /** ISO 8601 as far as known: "2017-11-08", "2017-11"; a week is "2017-W45". */
  value: string;
  precision: TimePrecision;
  /**
   * How the text gives it: "explicit" ("on Nov. 8"), "relative" ("on Wednesday", resolved
   * against the dateline), "published" (the text gives none; the article's date stands in).
   */
  basis: "explicit" | "relative" | "published";
}

export interface Fatalities {
  /** The single figure a table would use: the number, or the low end of a range or bound. */
  count: number;
  low?: number;
  high?: number;
  approximate: boolean;
}

/** Words of an article a value was read from: a sentence, or a phrase within it. */
export interface Evidence extends Span {
  text: string;
  /** Index of the sentence in `annotations.sentences`. */
  sentence: number;
}

/** A value as one article gives it, with the words it was read from. */
export interface Reported<T> {
  value: T;
  evidence: Evidence[];
}

/**
 * One article's account of one event: the trigger mentions that tell the same happening
 * ("entered", "declared it clear", "the liberation of") gathered into one record. Its span is
 * the first sentence that tells it.
 */
export interface EventReport extends MentionBase {
  /** `${articleId}#e${n}`, n counting from 1 in text order. */
  id: string;
  /** Taxonomy ids (data/events/taxonomy.json), e.g. "battles" / "government-regains-territory". */
  type: string;
  subType: string;
  /** In [0, 1]: how sure the classifier is of the sub-type. */
  typeConfidence: number;
  actor1?: Reported<EventActor>;
  actor2?: Reported<EventActor>;
  associated: Reported<EventActor>[];
  place?: Reported<EventPlace>;
  date?: Reported<EventDate>;
  fatalities?: Reported<Fatalities>;
  /** Indices into `annotations.events` of the trigger mentions gathered here. */
  mentions: number[];
  /** Indices into `annotations.sentences` the event was read from, in order. */
  sentences: number[];
}

/** One source's value of an event field, and where in which article it was read. */
export interface SourcedValue<T> {
  value: T;
  articleId: string;
  outlet?: string;
  /** The report (EventReport.id) the value comes from. */
  reportId: string;
  evidence: Evidence[];
}

/**
 * A field of a merged event: every source's value, and the value Parallax settles on with how
 * sure it is and why ("both sources agree", "the most precise date; 000 gives none").
 */
export interface EventField<T> {
  values: SourcedValue<T>[];
  resolved?: T;
  /** In [0, 1]; 0 when no source gives the field. */
  confidence: number;
  reason: string;
}

/**
 * An event of the open dataset: the reports of one happening from every article that tells it,
 * merged. GDELT would count each report; ACLED would keep one figure; Parallax keeps every
 * source's value of every field and a resolved value.
 */
export interface Event {
  /** Stable: named after the first report that started it, so it survives new reports. */
  id: string;
  /** Resolved type and sub-type (taxonomy ids); `fields.subType` holds each source's. */
  type: string;
  subType: string;
  /** Stories whose articles report it (usually one). */
  storyIds: string[];
  /** The reports merged into it: article and report ids, in the order they were merged. */
  reports: { articleId: string; reportId: string }[];
  fields: {
    subType: EventField<string>;
    actor1: EventField<EventActor>;
    actor2: EventField<EventActor>;
    associated: EventField<EventActor[]>;
    place: EventField<EventPlace>;
    date: EventField<EventDate>;
    fatalities: EventField<Fatalities>;
  };
  /** In [0, 1]: how sure Parallax is that the record is right overall. */
  confidence: number;
}

/** Everything analysis adds to an article. Each list is sorted by `start`. */
export interface Annotations {
  sentences: Span[];
  tokens: Token[];
  entities: Entity[];
  places: Place[];
  times: TimeMention[];
  quantities: Quantity[];
  quotes: Quote[];
  attributions: Attribution[];
  events: EventMention[];
  /** What happened, one record per event the article tells (its trigger mentions gathered). */
  eventReports: EventReport[];
  framing: LoadedTerm[];
  /** Labels the text gives actors and their deeds. */
  actorLabels: ActorLabel[];
  /** Sentences with a loaded score above zero, in order. */
  loadedSentences: SentenceLoad[];
}

export function emptyAnnotations(): Annotations {
  return {
    sentences: [],
    tokens: [],
    entities: [],
    places: [],
    times: [],
    quantities: [],
    quotes: [],
    attributions: [],
    events: [],
    eventReports: [],
    framing: [],
    actorLabels: [],
    loadedSentences: [],
  };
}

/**
 * An article holding only `text`, for building articles by hand (tests, text given as is):
 * no metadata, no annotations. `fields` fill in or replace anything else.
 */
export function articleFromText(text: string, fields: Partial<Article> = {}): Article {
  return {
    id: "article",
    origin: { locator: "text" },
    authors: [],
    text,
    contentHash: "",
    removed: [],
    credits: [],
    extractedBy: { stage: "extract", method: "text" },
    diagnostics: [],
    annotations: emptyAnnotations(),
    ...fields,
  };
}

// ---------------------------------------------------------------------------------------------
// Cluster and compare: stories and their facts
// ---------------------------------------------------------------------------------------------

/** How one outlet's version of a fact stands against the others. */
export const FACT_STATUSES = ["agree", "conflict", "only", "absent"] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

/**
 * What a fact is about: the happening itself, who did it (actor) and to whom (target), when,
 * where, how many, its outcome, whose words the outlet carries and whom it cites, and how it words
 * the story (framing).
 */
export const FACT_KINDS = [
  "event",
  "actor",
  "target",
  "date",
  "place",
  "number",
  "outcome",
  "quote",
  "citation",
  "framing",
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/**
 * Why outlets conflict on a fact: figures whose ranges do not overlap ("dozens" against 12),
 * different days for one happening, different actors in one role, different places, or one
 * outlet denying what another affirms.
 */
export const CONFLICT_KINDS = ["number", "date", "actor", "place", "denial"] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/**
 * An outlet's own words for a fact. Offsets point into the article's clean `text`, or into one of
 * its credit lines (`field: "credits"`, `credit` its index) for sources named only there.
 */
export interface Wording extends Span {
  text: string;
  field: "text" | "credits";
  credit?: number;
}

/** One outlet's wording of a fact, pointing back into its article. */
export interface FactCell {
  articleId: string;
  outlet: string;
  status: FactStatus;
  /** The outlet's own words, with offsets into its article. */
  wording: Wording[];
  /** Normalised value the comparison used, e.g. "2017-11-08" or "2500-3500". */
  value?: string;
  /** The outlet tells the fact as denied ("denied", "no evidence that"), not as having happened. */
  denied?: boolean;
  /** The article's copy group, when other articles of the story carry the same text. */
  copyGroup?: string;
}

export interface Fact {
  id: string;
  kind: FactKind;
  /** Human label of the fact, e.g. "capture of Abu Kamal by Syrian Army". */
  label: string;
  cells: FactCell[];
  /**
   * How many independent texts report the fact: articles of one copy group (a wire story
   * republished by several outlets) count once, however many outlets carry it.
   */
  independentSources: number;
  /** Why outlets conflict, when some cells are "conflict". */
  conflict?: ConflictKind;
  /** One-line explanation of a conflict, naming each side's value. */
  note?: string;
  /** The merged event the fact belongs to (ParallaxResult.events), when it comes from one. */
  eventId?: string;
  /**
   * Outlets that leave out a fact most of the story's outlets report (more than half of the
   * independent texts): a blind spot at the level of facts.
   */
  omittedBy?: string[];
}

/** Kinds of speaker the sourcing view counts quotes by. */
export const SPEAKER_KINDS = [
  "government",
  "military",
  "armed-group",
  "opposition",
  "international",
  "civilian",
  "expert",
  "media",
  "unnamed",
  "other",
] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

/** Someone an outlet quotes, with the quotes gathered. */
export interface QuotedSpeaker {
  name: string;
  actorId?: string;
  kind: SpeakerKind;
  /** Quotes of this speaker in the article, direct and reported. */
  quotes: number;
  direct: number;
  wording: Wording[];
}

/** A source an outlet cites ("according to", a credit line), and whom that source cites in turn. */
export interface CitedSource {
  name: string;
  actorId?: string;
  kind: SpeakerKind;
  /** How it is cited: "according to", "reported", "credit-line". */
  cues: string[];
  /** Whom the cited source cites in turn: "Newsweek, citing the Associated Press". */
  citing?: string[];
  wording: Wording[];
}

/** Whose words one outlet's article carries and whom it cites. */
export interface OutletSourcing {
  articleId: string;
  outlet: string;
  copyGroup?: string;
  speakers: QuotedSpeaker[];
  /** Share of the article's quotes by kind of speaker, in [0, 1]; kinds never quoted are left out. */
  quoteShare: Partial<Record<SpeakerKind, number>>;
  citations: CitedSource[];
}

/** A label one outlet gives one actor, with how often and where. */
export interface LabelUse {
  actor: string;
  actorId?: string;
  label: string;
  category: string;
  count: number;
  wording: Wording[];
}

/** Loaded words of one lexicon entry in one article. */
export interface LoadedWordUse {
  entry: string;
  category: string;
  count: number;
  wording: Wording[];
}

/** How one outlet's article frames the story. */
export interface OutletFraming {
  articleId: string;
  outlet: string;
  labels: LabelUse[];
  loadedWords: LoadedWordUse[];
  /** Loaded score of the headline in [0, 1], with its driving words (offsets into the title). */
  headline?: { text: string; score: number; drivers: LoadDriver[] };
  /** Mean loaded score of the body's sentences, in [0, 1]. */
  bodyScore: number;
  /** Share of the body's sentences with a loaded score above zero. */
  loadedShare: number;
  /** The most loaded sentences of the body, most loaded first. */
  mostLoaded: SentenceLoad[];
}

/**
 * Why a passage looks chosen to sway: it tells what no other outlet tells ("exclusive"), it
 * speculates ("speculation"), it gives one side's words with no answer from the other
 * ("one-sided"), or it brings in background the others leave out ("background").
 */
export const SELECTION_CUES = ["exclusive", "speculation", "one-sided", "background"] as const;
export type SelectionCue = (typeof SELECTION_CUES)[number];

/**
 * A sentence of one outlet whose content looks selected: what it alone tells, or tells in a
 * way the others do not. The sentence-level face of informational bias and omission.
 */
export interface SelectedPassage extends Span {
  articleId: string;
  outlet: string;
  /** Index in the article's `annotations.sentences`. */
  sentence: number;
  /** In [0, 1]: how strongly the passage looks selected. */
  score: number;
  cues: SelectionCue[];
  /** How close the nearest sentence of another outlet comes, in [0, 1] (0: nothing alike). */
  nearest: number;
}

export interface Comparison {
  outlets: string[];
  facts: Fact[];
  /** Passages that look selected, per article in story order, then by position. */
  selected?: SelectedPassage[];
  /** Per article, in the story's article order. */
  sourcing?: OutletSourcing[];
  /** Per article, in the story's article order. */
  framing?: OutletFraming[];
}

/** An outlet across every story it covers: whom it quotes, how it labels, how it stands apart. */
export interface OutletProfile {
  outlet: string;
  articles: number;
  stories: number;
  /** Stories shared with at least one other outlet: the ones its facts can be compared in. */
  comparedStories: number;
  /** Share of all its quotes by kind of speaker. */
  quoteShare: Partial<Record<SpeakerKind, number>>;
  /** Its most quoted speakers, most quotes first. */
  topSpeakers: { name: string; actorId?: string; kind: SpeakerKind; quotes: number; stories: number }[];
  /** Its most cited sources. */
  topCitations: { name: string; actorId?: string; kind: SpeakerKind; articles: number }[];
  /** The labels it gives actors, most used first. */
  labels: { actor: string; actorId?: string; label: string; category: string; count: number }[];
  /** Its loaded words by category, and its mean loaded score per body sentence. */
  loadedCategories: Partial<Record<string, number>>;
  meanLoad: number;
  /** Facts it tells in compared stories; how many only it tells, conflict with others, or it omits. */
  factsTold: number;
  onlyFacts: number;
  conflictFacts: number;
  omittedFacts: number;
  /** onlyFacts / factsTold, conflictFacts / factsTold, omittedFacts / (factsTold + omittedFacts). */
  onlyRate: number;
  conflictRate: number;
  omissionRate: number;
}

export interface Story {
  id: string;
  /** A short title, from the most central article. */
  title: string;
  articleIds: string[];
  /** Dates the story spans (published dates of its articles). */
  firstPublished?: string;
  lastPublished?: string;
  /** Ids of the events its articles report (ParallaxResult.events). */
  eventIds?: string[];
  comparison?: Comparison;
}

/** A row of the story list (the HTTP API): what a reader scans before opening a story. */
export interface StorySummary {
  id: string;
  title: string;
  firstPublished?: string;
  lastPublished?: string;
  articleCount: number;
  /** Outlet labels of its articles, in story order, each once. */
  outlets: string[];
  /** Facts on which outlets conflict. */
  conflicts: number;
  /** Facts that some outlets leave out while most tell them. */
  omissions: number;
  /** Names of the resolved places of its events, most reported first (at most a few). */
  places: string[];
}

/** An article as a story's list of sources shows it. */
export interface ArticleSummary {
  id: string;
  title?: string;
  outlet?: string;
  published?: string;
  url?: string;
  locator: string;
}

/** The whole output of a run, as `--json` prints it and the schema describes it. */
export interface ParallaxResult {
  schemaVersion: string;
  generatedBy: string;
  articles: Article[];
  stories: Story[];
  /** Events the result's articles report, merged across articles. */
  events: Event[];
  /** Each outlet of the result across its stories. */
  outlets?: OutletProfile[];
  diagnostics: Diagnostic[];
}
