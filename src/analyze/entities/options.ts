/** Heuristic numbers of the entity recognizer; each can be overridden when the recognizer is created. */
export interface EntityOptions {
  /** A capitalised run longer than this is more likely a Title Case line than one name. */
  maxNameTokens: number;
  /** Share of capitalised words above which a sentence is a Title Case headline; only the dictionary reads it. */
  titleCaseRatio: number;
  /** Sentences shorter than this are never treated as headlines: "Assad said so." is mostly capitals. */
  titleCaseMinWords: number;
  /** Words allowed between a name and its role noun: ", a spokesman for", ", the Syrian army's chief". */
  maxAppositiveWords: number;
  /** Letters of an all-capital token read as an acronym: "UN" to "UNHCR"-like; longer is shouting. */
  acronymMinLetters: number;
  acronymMaxLetters: number;
  /** Confidence of each method, in [0, 1]: the dictionary is curated; shape guesses are weak. */
  confidence: {
    dictionary: number;
    title: number;
    head: number;
    gazetteer: number;
    appositive: number;
    acronym: number;
    locative: number;
    nameShape: number;
    capitalised: number;
    namePart: number;
    /** Ceiling of a model span's own confidence: the model is right about nine names in ten. */
    model: number;
  };
}

export const DEFAULT_ENTITY_OPTIONS: EntityOptions = {
  maxNameTokens: 8,
  titleCaseRatio: 0.6,
  titleCaseMinWords: 4,
  maxAppositiveWords: 5,
  acronymMinLetters: 2,
  acronymMaxLetters: 6,
  confidence: {
    dictionary: 0.95,
    title: 0.85,
    head: 0.8,
    gazetteer: 0.75,
    appositive: 0.75,
    acronym: 0.5,
    locative: 0.45,
    nameShape: 0.5,
    capitalised: 0.3,
    namePart: 0.8,
    model: 0.9,
  },
};

export function resolveEntityOptions(options: Partial<EntityOptions> = {}): EntityOptions {
  return {
    ...DEFAULT_ENTITY_OPTIONS,
    ...options,
    confidence: { ...DEFAULT_ENTITY_OPTIONS.confidence, ...options.confidence },
  };
}
