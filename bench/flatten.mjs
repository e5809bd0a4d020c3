// Flattens an HTML page to its visible text, one block per line, the way a naive scraper does:
// no markup survives, navigation, captions and footers stay in. The flattened-text benchmark feeds
// these lines to Parallax's raw-text reader.
import { Parser } from "htmlparser2";

/** Elements whose content is never visible. */
const INVISIBLE = new Set(["head", "script", "style", "noscript", "template", "svg", "iframe", "object"]);

/** Elements that start a new line of visible text. */
const BLOCKS = new Set(
  (
    "address article aside blockquote br dd details div dl dt fieldset figcaption figure footer form " +
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td th thead tr ul"
  ).split(" "),
);

export function flattenHtml(html) {
  const lines = [];
  let current = "";
  let hidden = 0;
  const breakLine = () => {
    const line = current.replace(/\s+/g, " ").trim();
    if (line !== "") lines.push(line);
    current = "";
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (INVISIBLE.has(name)) hidden++;
        else if (BLOCKS.has(name)) breakLine();
      },
      ontext(text) {
        if (hidden === 0) current += text;
      },
      onclosetag(name) {
        if (INVISIBLE.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCKS.has(name)) breakLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  breakLine();
  return lines.join("\n");
}
