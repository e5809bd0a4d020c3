import type { Article, ParallaxResult, Story } from "../model/index.js";
import { cellLines, factTitle } from "./text.js";

/**
 * Scraped text is hostile: in Markdown it could open links, images or raw HTML. Brackets (links,
 * images), emphasis and code marks, table pipes and HTML are escaped, and line breaks inside a cell
 * become <br>. Marks that only act at the start of a line (#, -, >) cannot, inside a table cell.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, "<br>");
}

export function renderMarkdown(result: ParallaxResult, maxWordings = 3): string {
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const sections = result.stories.map((story) => renderStory(story, articles, maxWordings));
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  return [
    "# Parallax report",
    "",
    `${result.articles.length} article(s), ${result.stories.length} story(ies), ${errors.length} error(s).`,
    "",
    ...sections,
  ].join("\n");
}

function renderStory(story: Story, articles: Map<string, Article>, maxWordings: number): string {
  const members = story.articleIds.map((id) => articles.get(id)).filter((a): a is Article => a !== undefined);
  const outlets = story.comparison?.outlets ?? members.map((a) => a.id);
  const lines = [`## ${escapeMarkdown(story.title)}`, "", `Story \`${story.id}\``, ""];
  members.forEach((a, i) => {
    lines.push(
      `- **${escapeMarkdown(outlets[i] ?? a.id)}**: ${escapeMarkdown(a.title?.value ?? "(untitled)")} (${escapeMarkdown(a.origin.locator)})`,
    );
  });
  const facts = story.comparison?.facts ?? [];
  if (facts.length === 0 || members.length < 2)
    return [...lines, "", "_A single article: nothing to compare._", ""].join("\n");
  lines.push(
    "",
    `| Fact | ${outlets.map(escapeMarkdown).join(" | ")} |`,
    `|---|${outlets.map(() => "---").join("|")}|`,
  );
  for (const fact of facts) {
    const cells = fact.cells.map((c) =>
      cellLines(c, maxWordings, fact.kind).map(escapeMarkdown).join("<br>"),
    );
    lines.push(`| ${escapeMarkdown(factTitle(fact))} | ${cells.join(" | ")} |`);
  }
  lines.push("");
  return lines.join("\n");
}
