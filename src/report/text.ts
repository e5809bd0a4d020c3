import type { Fact, FactCell, FactKind, FactStatus } from "../model/index.js";

const ESCAPE = String.fromCharCode(0x1b);
const ANSI_SEQUENCE = new RegExp(`${ESCAPE}\\[[0-9;?]*[ -/]*[@-~]`, "g");

/** C0 and C1 control characters, except tab and newline, which tables and Markdown handle. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
}

/** Scraped text may carry terminal escape sequences; they must never reach a terminal raw. */
export function stripControls(text: string): string {
  return [...text.replace(ANSI_SEQUENCE, "")].filter((ch) => !isControl(ch.charCodeAt(0))).join("");
}

export const STATUS_MARK: Record<FactStatus, string> = {
  agree: "= agree",
  differ: "≠ differ",
  only: "+ only here",
  absent: "· not mentioned",
};

/**
 * The words shown for one outlet's cell: its status, then its wording, then its value. For loaded
 * wording the distinct terms say it all; each place they occur is in the JSON output.
 */
export function cellLines(cell: FactCell, maxWordings: number, kind?: FactKind): string[] {
  if (cell.status === "absent") return [STATUS_MARK.absent];
  if (kind === "framing")
    return [STATUS_MARK[cell.status], stripControls((cell.value ?? "").split(" | ").join(", "))];
  const wordings = cell.wording
    .slice(0, maxWordings)
    .map((w) =>
      w.field === "credits" ? `credit line: ${stripControls(w.text)}` : quoted(stripControls(w.text)),
    );
  const more = cell.wording.length > maxWordings ? [`(+${cell.wording.length - maxWordings} more)`] : [];
  const value = cell.value ? [`[${stripControls(cell.value)}]`] : [];
  return [STATUS_MARK[cell.status], ...wordings, ...more, ...value];
}

/** Wording in quotation marks, unless it is itself a quotation already. */
function quoted(text: string): string {
  return /^["“”'‘]/.test(text) ? text : `“${text}”`;
}

export function factTitle(fact: Fact): string {
  return stripControls(fact.label) + (fact.note ? ` — ${stripControls(fact.note)}` : "") + copiesNote(fact);
}

/** Outlets that republish one text confirm nothing for each other: say how many texts there are. */
function copiesNote(fact: Fact): string {
  const telling = fact.cells.filter((c) => c.status !== "absent").length;
  if (telling <= fact.independentSources) return "";
  const texts =
    fact.independentSources === 1 ? "1 independent text" : `${fact.independentSources} independent texts`;
  return ` (${telling} outlets, ${texts})`;
}
