export { type ConllDocument, type ConllSentence, readConll, spansFromIob } from "./conll.js";
export { type NerKnowledge, wordShape } from "./features.js";
export { createNerKnowledge, type NerKnowledgeSources } from "./knowledge.js";
export {
  DEFAULT_NER_MODEL_PATH,
  deserializeNerModel,
  loadNerModel,
  type NerModel,
  serializeNerModel,
} from "./model.js";
export { createNerTagger } from "./tagger.js";
export { type NerTrainingOptions, trainNerModel } from "./train.js";
export { NER_LABELS, type NerLabel, type NerSpan, type NerTagger } from "./types.js";
export { type TokenWord, wordsBySentence } from "./words.js";
