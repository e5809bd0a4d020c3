import type { Fact, FactCell, FactStatus } from "../model/index.js";

/** Scraped text may carry terminal escape sequences; they must never reach a terminal raw. */
export function stripControls(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, "")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}

export const STATUS_MARK: Record<FactStatus, string> = {
  agree: "= agree",
  differ: "≠ differ",
  only: "+ only here",
  absent: "· not mentioned",
};

/** The words shown for one outlet's cell: its status, then its wording, then its value. */
export function cellLines(cell: FactCell, maxWordings: number): string[] {
  if (cell.status === "absent") return [STATUS_MARK.absent];
  const wordings = cell.wording
    .slice(0, maxWordings)
    .map((w) =>
      w.field === "credits" ? `credit line: ${stripControls(w.text)}` : `“${stripControls(w.text)}”`,
    );
  const more = cell.wording.length > maxWordings ? [`(+${cell.wording.length - maxWordings} more)`] : [];
  const value = cell.value ? [`[${stripControls(cell.value)}]`] : [];
  return [STATUS_MARK[cell.status], ...wordings, ...more, ...value];
}

export function factTitle(fact: Fact): string {
  return stripControls(fact.label) + (fact.note ? ` — ${stripControls(fact.note)}` : "");
}
