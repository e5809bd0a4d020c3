export { type BlockOptions, DEFAULT_BLOCK_OPTIONS } from "./blocks.js";
export { type ContainerOptions, DEFAULT_CONTAINER_OPTIONS } from "./container.js";
export {
  createHtmlBodyReader,
  DEFAULT_HTML_BODY_OPTIONS,
  type HtmlBody,
  type HtmlBodyOptions,
  type HtmlBodyReader,
  trimLabels,
} from "./extract.js";
export {
  countElements,
  DEFAULT_PARSE_LIMITS,
  type ParsedHtml,
  parseHtml,
  type ParseLimits,
} from "./parse.js";
export {
  DEFAULT_HTML_PATTERNS_FILE,
  type HtmlPatterns,
  loadHtmlPatterns,
  parseHtmlPatterns,
} from "./patterns.js";
