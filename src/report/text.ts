import type { Event, Fact, FactCell, FactStatus, Story } from "../model/index.js";

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
  conflict: "≠ conflict",
  only: "+ only here",
  absent: "· not mentioned",
};

/** Marks of a cell that has more to say than its status. */
export const CELL_MARK = { leftOut: "· left out", denied: "✗ denied" } as const;

/** What a cell needs of its fact: its kind, why it conflicts, and who leaves it out. */
export type FactContext = Pick<Fact, "kind"> & Partial<Pick<Fact, "conflict" | "omittedBy">>;

/**
 * The words shown for one outlet's cell: its status (with the conflict's kind, or "left out" for
 * an outlet that leaves out what most tell), a denial mark, then its wording, then its value. For
 * loaded wording the distinct terms say it all; each place they occur is in the JSON output.
 */
export function cellLines(cell: FactCell, maxWordings: number, fact?: FactContext): string[] {
  if (cell.status === "absent")
    return [fact?.omittedBy?.includes(cell.outlet) ? CELL_MARK.leftOut : STATUS_MARK.absent];
  const status =
    cell.status === "conflict" && fact?.conflict
      ? `${STATUS_MARK.conflict}: ${fact.conflict}`
      : STATUS_MARK[cell.status];
  const head = cell.denied ? [status, CELL_MARK.denied] : [status];
  if (fact?.kind === "framing") return [...head, stripControls((cell.value ?? "").split(" | ").join(", "))];
  const wordings = cell.wording
    .slice(0, maxWordings)
    .map((w) =>
      w.field === "credits" ? `credit line: ${stripControls(w.text)}` : quoted(stripControls(w.text)),
    );
  const more = cell.wording.length > maxWordings ? [`(+${cell.wording.length - maxWordings} more)`] : [];
  const value = cell.value ? [`[${stripControls(cell.value)}]`] : [];
  return [...head, ...wordings, ...more, ...value];
}

/** Wording in quotation marks, unless it is itself a quotation already. */
function quoted(text: string): string {
  return /^["“”'‘]/.test(text) ? text : `“${text}”`;
}

/**
 * The fact column: its label, then on lines of their own why outlets conflict, how many
 * independent texts tell it, and who leaves it out.
 */
export function factTitle(fact: Fact): string {
  const conflict = fact.conflict ? `≠ ${fact.conflict}` : "";
  const note = fact.note ? stripControls(fact.note) : "";
  const why = conflict && note ? `${conflict}: ${note}` : conflict || note;
  return [stripControls(fact.label), why, sourcesNote(fact), omissionNote(fact)]
    .filter((line) => line !== "")
    .join("\n");
}

/**
 * How many independent texts tell the fact; outlets that republish one text confirm nothing for
 * each other, so their count is given beside it. A fact one outlet tells needs no count.
 */
function sourcesNote(fact: Fact): string {
  const telling = fact.cells.filter((c) => c.status !== "absent").length;
  if (telling < 2) return "";
  const texts = plural(fact.independentSources, "independent text");
  return telling > fact.independentSources ? `${telling} outlets, ${texts}` : texts;
}

function omissionNote(fact: Fact): string {
  const by = fact.omittedBy ?? [];
  return by.length > 0 ? `left out by ${by.map(stripControls).join(", ")}` : "";
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** One line per event a report lists, before escaping: what, where, when, and each source's date. */
export interface EventLine {
  what: string;
  where?: string;
  when?: string;
  /** "Outlet: date" for each article that gives a date, in report order. */
  sourceDates: string[];
}

/**
 * The events of a story, briefly: the sub-type in words, the resolved place and date, and the date
 * each source gives (the JSON and `parallax export events` have every field).
 */
export function storyEventLines(
  story: Story,
  events: ReadonlyMap<string, Event>,
  outletOf: (articleId: string) => string,
): EventLine[] {
  return (story.eventIds ?? [])
    .map((id) => events.get(id))
    .filter((e): e is Event => e !== undefined)
    .map((event) => {
      const place = event.fields.place.resolved;
      const date = event.fields.date.resolved;
      // Every distinct date a source gives: "entered Nov. 8, declared clear Nov. 9" is two.
      const dates = new Map<string, string[]>();
      for (const v of event.fields.date.values) {
        const given = dates.get(v.articleId) ?? [];
        if (!given.includes(v.value.value)) given.push(v.value.value);
        dates.set(v.articleId, given);
      }
      return {
        what: event.subType.replace(/-/g, " "),
        ...(place ? { where: placeName(place) } : {}),
        ...(date ? { when: date.value } : {}),
        sourceDates: [...dates].map(([articleId, values]) => `${outletOf(articleId)}: ${values.join(", ")}`),
      };
    });
}

export function eventLineText(line: EventLine): string {
  const where = line.where ? ` at ${line.where}` : "";
  const when = line.when ? `, ${line.when}` : "";
  const sources = line.sourceDates.length > 0 ? ` (dates: ${line.sourceDates.join("; ")})` : "";
  return `${line.what}${where}${when}${sources}`;
}

/** "Town, Country"; a place that is itself the country is named once. */
export function placeName(place: { name: string; country?: string }): string {
  return place.country && place.country !== place.name ? `${place.name}, ${place.country}` : place.name;
}
