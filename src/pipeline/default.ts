import { readFileSync } from "node:fs";
import { type Analyzer, createAnalyzer } from "../analyze/analyzer.js";
import type { AnalysisComponent } from "../analyze/component.js";
import {
  type ActorDictionary,
  createActorLookup,
  createEntityRecognizer,
  loadActorDictionary,
} from "../analyze/entities/index.js";
import { createEventReporter, type EventActions, loadEventActions } from "../analyze/event-reports/index.js";
import {
  type EventTaxonomy,
  type EventTypeClassifier,
  loadEventDescriptions,
  loadEventTaxonomy,
  trainEventTypeClassifier,
} from "../analyze/event-types/index.js";
import {
  createEventExtractor,
  type EventConflictCues,
  type EventModalityCues,
  loadEventConflictCues,
  loadEventModality,
} from "../analyze/events/index.js";
import {
  createActorLabeler,
  createFramingTagger,
  createHeadlineScorer,
  createLoadScorer,
} from "../analyze/framing/index.js";
import {
  type EventLexicon,
  type FramingLexicon,
  type LabelLexicon,
  loadEventLexicon,
  loadFramingLexicon,
  loadLabelLexicon,
  loadReportingLexicon,
  type ReportingLexicon,
} from "../analyze/lexicons.js";
import { createNerKnowledge, createNerTagger, loadNerModel, type NerModel } from "../analyze/ner/index.js";
import { type Gazetteer, isKnownPlace, loadGazetteer } from "../analyze/places/gazetteer.js";
import { createPlaceResolver } from "../analyze/places/resolver.js";
import { createQuantityRecognizer } from "../analyze/quantities/index.js";
import { createAttributionFinder, createQuoteFinder } from "../analyze/quotes/index.js";
import { createTimeNormalizer, resolveAgainst } from "../analyze/times/index.js";
import { createTokenizer } from "../analyze/tokens.js";
import { createClusterer } from "../cluster/index.js";
import { createComparer } from "../compare/index.js";
import { createPassageSelector, loadSelectionLexicon, type SelectionLexicon } from "../compare/selection.js";
import { createSourcing } from "../compare/sourcing.js";
import { createSpeakerLookup, loadSpeakerKinds, type SpeakerKindTable } from "../compare/speakers.js";
import { createOutletViews } from "../compare/views.js";
import { createOutletProfiler } from "../profile/index.js";
import { createCopyDetector } from "../dedupe/index.js";
import { createEventMerger } from "../events/index.js";
import { createExtractor, learnSiteBoilerplate } from "../extract/index.js";
import { createIngester } from "../ingest/index.js";
import type { ContentFormat, SourceDocument } from "../model/index.js";
import type { PipelineStages } from "./run.js";

/** Everything the stages know about the world, loaded once from data/ and passed in explicitly. */
export interface Knowledge {
  actors: ActorDictionary;
  gazetteer: Gazetteer;
  reporting: ReportingLexicon;
  events: EventLexicon;
  /** Words that make a trigger something that did not happen ("sought to") or a war's toll. */
  eventModality: EventModalityCues;
  /** What makes "took control of" or "attacked" an armed event rather than a figure of speech. */
  eventConflict: EventConflictCues;
  /** Loaded words with their categories and weights; a user's lexicon folder merged over ours. */
  framing: FramingLexicon;
  /** Labels for actors and deeds (data/lexicons/labels.json), merged the same way. */
  labels: LabelLexicon;
  stopwords: ReadonlySet<string>;
  /** The named-entity model trained by `npm run train:ner` (data/models/ner/). */
  ner: NerModel;
  /** The event taxonomy (data/events/taxonomy.json). */
  eventTaxonomy: EventTaxonomy;
  /** The event-type classifier, trained once from data/events/descriptions.jsonl. */
  eventTypes: EventTypeClassifier;
  /** How the event reporter reads each trigger action (data/events/actions.json). */
  eventActions: EventActions;
  /** What kind of speaker a dictionary category or role word makes (data/actors/speaker-kinds.json). */
  speakerKinds: SpeakerKindTable;
  /** Speculation and background cues of selected passages (data/lexicons/selection.json). */
  selection: SelectionLexicon;
}

export interface KnowledgeOptions {
  /**
   * A folder of the user's own framing.json / labels.json, merged over the project's: their
   * entries replace ours with the same term and add new ones (`--lexicons DIR`).
   */
  userLexicons?: URL;
}

/**
 * The knowledge, each part read from data/ the first time a stage asks for it: a thread that only
 * clusters and compares (a run's main thread while workers analyse) never loads the gazetteer or
 * the NER model, which are most of the memory.
 */
export function loadKnowledge(options: KnowledgeOptions = {}): Knowledge {
  return lazily<Knowledge>({
    actors: loadActorDictionary,
    gazetteer: loadGazetteer,
    reporting: loadReportingLexicon,
    events: loadEventLexicon,
    eventModality: loadEventModality,
    eventConflict: loadEventConflictCues,
    framing: () => loadFramingLexicon(undefined, options.userLexicons),
    labels: () => loadLabelLexicon(undefined, options.userLexicons),
    stopwords: loadStopwords,
    ner: loadNerModel,
    eventTaxonomy: loadEventTaxonomy,
    eventTypes: () => trainEventTypeClassifier(loadEventDescriptions()),
    eventActions: loadEventActions,
    speakerKinds: loadSpeakerKinds,
    selection: loadSelectionLexicon,
  });
}

/** An object whose properties are computed on first read, then kept (enumerable, so spreads work). */
function lazily<T extends object>(loaders: { [K in keyof T]: () => T[K] }): T {
  const target = {} as T;
  for (const key of Object.keys(loaders) as (keyof T)[]) {
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = loaders[key]();
        Object.defineProperty(target, key, { value, enumerable: true, writable: false });
        return value;
      },
    });
  }
  return target;
}

function loadStopwords(): ReadonlySet<string> {
  const file = new URL("../../data/stopwords/en.json", import.meta.url);
  const data = JSON.parse(readFileSync(file, "utf8")) as { words: string[] };
  return new Set(data.words);
}

/** Population a place must have for its name alone to make a capitalised word a place. */
const MIN_PLACE_NAME_POPULATION = 1_000;

/** The analysis components in the order they run; the analyzer checks requirements when built. */
export function analysisComponents(knowledge: Knowledge): AnalysisComponent[] {
  return [
    createTokenizer(),
    createEntityRecognizer({
      actors: knowledge.actors,
      // Hamlets share names with common words ("Police"); a capitalised word is taken for a place on
      // the gazetteer's word alone only if some place of that name has people.
      isPlaceName: (s) => isKnownPlace(knowledge.gazetteer, s, { minPopulation: MIN_PLACE_NAME_POPULATION }),
      ner: createNerTagger(
        knowledge.ner,
        createNerKnowledge({ gazetteer: knowledge.gazetteer, actors: knowledge.actors }),
      ),
    }),
    createPlaceResolver({ gazetteer: knowledge.gazetteer }),
    createTimeNormalizer(),
    createQuantityRecognizer(),
    createQuoteFinder({ lexicon: knowledge.reporting }),
    createAttributionFinder({ lexicon: knowledge.reporting }),
    createEventExtractor({
      lexicon: knowledge.events,
      modality: knowledge.eventModality,
      conflict: knowledge.eventConflict,
    }),
    createEventReporter({
      classifier: knowledge.eventTypes,
      taxonomy: knowledge.eventTaxonomy,
      actions: knowledge.eventActions,
      actors: knowledge.actors,
      gazetteer: knowledge.gazetteer,
    }),
    createFramingTagger({ lexicon: knowledge.framing }),
    createActorLabeler({ labels: knowledge.labels }),
    createLoadScorer({ framing: knowledge.framing, labels: knowledge.labels }),
  ];
}

/**
 * The analyzer, built when the first article comes: building it reads most of the knowledge,
 * which a thread that never analyses (a run's main thread) should not hold.
 */
function builtOnFirstUse(build: () => Analyzer): Analyzer {
  let analyzer: Analyzer | undefined;
  return (article) => (analyzer ??= build())(article);
}

export interface DefaultStageOptions {
  /** Read every input as this format. */
  as?: ContentFormat;
}

/**
 * Builds every stage from knowledge and options. Without knowledge, only ingest and extract are
 * usable (what `parallax extract` needs), and the other stages throw if called.
 */
export function createDefaultStages(
  knowledge: Knowledge | undefined,
  options: DefaultStageOptions = {},
): PipelineStages {
  const ingest = createIngester({ as: options.as });
  const extract = createExtractor();
  const learnSites = (documents: readonly SourceDocument[]) => learnSiteBoilerplate(documents);
  if (!knowledge) {
    const unavailable = () => {
      throw new Error("pipeline: analysis stages need knowledge (loadKnowledge())");
    };
    return {
      ingest,
      learnSites,
      extract,
      analyze: unavailable,
      dedupe: createCopyDetector(),
      cluster: unavailable,
      events: unavailable,
      compare: unavailable,
      profile: unavailable,
    };
  }
  return {
    ingest,
    learnSites,
    extract,
    analyze: builtOnFirstUse(() => createAnalyzer(analysisComponents(knowledge))),
    dedupe: createCopyDetector(),
    cluster: createClusterer({ stopwords: knowledge.stopwords }),
    events: createEventMerger(),
    compare: createComparer({
      resolveDate: resolveAgainst,
      resolveSource: createActorLookup(knowledge.actors),
      actions: knowledge.eventActions,
      describe: createOutletViews({
        sourcing: createSourcing(createSpeakerLookup(knowledge.actors.actors, knowledge.speakerKinds), {
          resolveSource: createActorLookup(knowledge.actors),
        }),
        headline: createHeadlineScorer({ framing: knowledge.framing, labels: knowledge.labels }),
        selector: createPassageSelector({ lexicon: knowledge.selection }),
      }),
    }),
    profile: createOutletProfiler(),
  };
}
