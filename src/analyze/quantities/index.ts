export {
  DEFAULT_QUANTITY_LEXICON,
  loadQuantityLexicon,
  parseQuantityLexicon,
  type QuantityLexicon,
} from "./lexicon.js";
export { createNumberReader, type NumberPhrase, type NumberReader } from "./numbers.js";
export { createQuantityRecognizer, type QuantityOptions } from "./recognizer.js";
