import { describe, expect, it } from "vitest";
import type { BoilerplateKind, SourceDocument } from "../../model/index.js";
import { createExtractor } from "../index.js";

/**
 * Hand-written flattened pages (one line per element, as a scraper leaves them), one kind of
 * boilerplate each, on three subjects. Each case: the body stays, whole and in order; every
 * boilerplate line is gone from the text and listed in `removed` with its kind.
 */

const ELECTION = [
  "Voters in the northern region elected a new assembly on Sunday, giving the opposition alliance 48 of the 90 seats after a campaign dominated by housing costs and rail links.",
  "The electoral commission said turnout reached 61 percent, up from 55 percent four years ago, with the longest queues reported in the two largest cities of the region.",
  "The outgoing premier conceded defeat shortly before midnight and said her party would rebuild in opposition, while the alliance leader promised a cabinet within two weeks.",
];
const COURT = [
  "The constitutional court ruled on Monday that the ban on street protests near parliament was unlawful, and ordered the government to lift it within seven days.",
  "In a unanimous decision, the judges found that the ban restricted the freedom of assembly more than was needed to protect the work of the chamber and its members.",
  "The interior ministry said it would respect the ruling but would ask parliament for a narrower law that allows the police to keep the main entrances clear.",
];
const STORM = [
  "A severe storm swept across the coast overnight, uprooting trees, tearing roofs from houses and leaving about 40,000 homes without electricity on Tuesday morning.",
  "Rail services between the two largest ports were suspended after fallen trees blocked the line in several places, and the operator said repairs would take at least a day.",
  "The weather service recorded gusts of up to 140 kilometres per hour on the islands and warned that a second, weaker front would reach the coast on Wednesday evening.",
];

interface Case {
  name: string;
  body: readonly string[];
  /** The page's lines, with "BODY" where the body paragraphs go. */
  page: readonly string[];
  /** Lines that must be removed, each with the kind it must be removed as. */
  boilerplate: readonly (readonly [string, BoilerplateKind])[];
  /** Lines that must be gone from the text, whatever kind they are given. */
  alsoGone?: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: "cookie banner",
    body: ELECTION,
    page: [
      "We use cookies to give you the best experience on our website. By continuing to browse, you agree to our use of cookies.",
      "Accept all cookies",
      "Cookie settings",
      "Opposition alliance wins regional vote",
      "BODY",
    ],
    boilerplate: [
      [
        "We use cookies to give you the best experience on our website. By continuing to browse, you agree to our use of cookies.",
        "cookie-notice",
      ],
      ["Accept all cookies", "cookie-notice"],
      ["Cookie settings", "cookie-notice"],
    ],
  },
  {
    name: "share bar",
    body: COURT,
    page: [
      "Court lifts protest ban",
      "Share this article",
      "Facebook",
      "Twitter",
      "WhatsApp",
      "E-Mail",
      "BODY",
    ],
    boilerplate: [
      ["Facebook", "share-bar"],
      ["Twitter", "share-bar"],
      ["WhatsApp", "share-bar"],
      ["E-Mail", "share-bar"],
    ],
  },
  {
    name: "newsletter box",
    body: STORM,
    page: [
      "Storm leaves 40,000 homes without power",
      "BODY",
      "Newsletter",
      "Sign up for our free morning newsletter and get the day's most important stories in your inbox.",
      "Enter your email address",
      "Subscribe",
    ],
    boilerplate: [
      ["Newsletter", "newsletter"],
      [
        "Sign up for our free morning newsletter and get the day's most important stories in your inbox.",
        "newsletter",
      ],
      ["Enter your email address", "newsletter"],
      ["Subscribe", "newsletter"],
    ],
  },
  {
    name: "read-more list",
    body: ELECTION,
    page: [
      "Opposition alliance wins regional vote",
      "BODY",
      "Related stories",
      "Premier concedes defeat after twelve years in office",
      "What the new assembly means for rail links",
      "Turnout map: where the queues were longest",
    ],
    boilerplate: [["Related stories", "related-widget"]],
    alsoGone: [
      "Premier concedes defeat after twelve years in office",
      "What the new assembly means for rail links",
    ],
  },
  {
    name: "comment thread",
    body: COURT,
    page: [
      "Court lifts protest ban",
      "BODY",
      "3 Kommentare",
      "Anna K. sagt:",
      "Finally a court that takes the freedom of assembly seriously, and not a day too soon in my view.",
      "Antworten",
      "Leave a Reply",
    ],
    boilerplate: [
      ["3 Kommentare", "comments"],
      ["Anna K. sagt:", "comments"],
    ],
    alsoGone: [
      "Finally a court that takes the freedom of assembly seriously, and not a day too soon in my view.",
    ],
  },
  {
    name: "author bio",
    body: STORM,
    page: [
      "Storm leaves 40,000 homes without power",
      "BODY",
      "About the author",
      "Jane Roe has covered weather and climate for the paper since 2012 and lives on one of the islands the storm hit hardest.",
      "View all posts by Jane Roe",
    ],
    boilerplate: [["About the author", "author-bio"]],
    alsoGone: [
      "Jane Roe has covered weather and climate for the paper since 2012 and lives on one of the islands the storm hit hardest.",
    ],
  },
  {
    name: "tag list",
    body: ELECTION,
    page: [
      "Opposition alliance wins regional vote",
      "BODY",
      "Tags: election, regional assembly, turnout, housing",
    ],
    boilerplate: [["Tags: election, regional assembly, turnout, housing", "tags"]],
  },
  {
    name: "breadcrumbs",
    body: COURT,
    page: ["Home › News › Justice › Constitutional court", "Court lifts protest ban", "BODY"],
    boilerplate: [["Home › News › Justice › Constitutional court", "breadcrumb"]],
  },
  {
    name: "paywall notice",
    body: STORM,
    page: [
      "Storm leaves 40,000 homes without power",
      "BODY",
      "This article is for subscribers only. Subscribe to continue reading.",
      "Already a subscriber? Log in",
    ],
    boilerplate: [["This article is for subscribers only. Subscribe to continue reading.", "paywall"]],
    alsoGone: ["Already a subscriber? Log in"],
  },
  {
    name: "live-blog timestamps",
    body: STORM,
    page: [
      "Live: storm sweeps the coast",
      "08:15",
      STORM[0] ?? "",
      "08:42 GMT",
      STORM[1] ?? "",
      "2 hours ago",
      STORM[2] ?? "",
    ],
    boilerplate: [
      ["08:15", "timestamp"],
      ["08:42 GMT", "timestamp"],
      ["2 hours ago", "timestamp"],
    ],
  },
  {
    name: "advertisement",
    body: ELECTION,
    page: [
      "Opposition alliance wins regional vote",
      ELECTION[0] ?? "",
      "Anzeige",
      ELECTION[1] ?? "",
      "Sponsored by Example Bank",
      ELECTION[2] ?? "",
    ],
    boilerplate: [
      ["Anzeige", "advertisement"],
      ["Sponsored by Example Bank", "advertisement"],
    ],
  },
];

function flattened(lines: readonly string[], body: readonly string[]): SourceDocument {
  const content = lines.flatMap((line) => (line === "BODY" ? body : [line])).join("\n");
  return { origin: { locator: "fixture" }, format: "raw", content, given: {} };
}

describe("boilerplate of flattened pages, one kind at a time", () => {
  const extract = createExtractor();

  it.each(CASES)("$name", ({ body, page, boilerplate, alsoGone = [] }) => {
    const article = extract(flattened(page, body));
    expect(article.text).toBe(body.join("\n\n"));
    for (const [line, kind] of boilerplate) {
      expect(article.text).not.toContain(line);
      expect(article.removed.find((r) => r.text === line)?.kind, line).toBe(kind);
    }
    for (const line of alsoGone) {
      expect(article.text).not.toContain(line);
      expect(article.removed.some((r) => r.text === line)).toBe(true);
    }
  });
});
