import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Article, articleFromText, type CopyGroup } from "../model/index.js";
import {
  candidateProbability,
  createCopyDetector,
  createCopyIndex,
  createSigner,
  DEFAULT_COPY_DETECTOR_OPTIONS,
  estimateSimilarity,
  resolveCopyDetectorOptions,
} from "./index.js";

function article(id: string, text: string, published?: string): Article {
  const date = published
    ? { published: { value: published, precision: "day" as const, source: "record" } }
    : {};
  return articleFromText(text, { id, origin: { locator: id }, ...date });
}

const WIRE = [
  "Voters in the northern province returned the governing coalition to power on Sunday, giving it a narrow majority in the regional assembly after a campaign dominated by rising food prices and a dispute over water rights.",
  "The coalition won 41 of the 80 seats, according to preliminary results published by the electoral commission early on Monday, two fewer than it held before the vote. The main opposition party took 29 seats and smaller parties shared the rest.",
  "Turnout was 58 percent, the lowest since the assembly was created in 1994, the commission said. Observers from a regional monitoring group reported long queues at some polling stations in the provincial capital but no serious irregularities.",
  "The governor, who has led the province for two terms, told supporters at a rally that the result was a mandate to finish building the new reservoir. Opposition leaders said they would challenge the count in three districts where the margin was below one hundred votes.",
].join("\n\n");

/** The same wire text as another outlet runs it: its own first line, a dateline credit, a footer, tracking junk. */
const REPRINT = [
  "A tight regional election ended with the incumbents still in charge.",
  `NORTHERN PROVINCE (Wire) - ${WIRE.split("\n\n").slice(1).join("\n\n")}`,
  "Reporting by a staff correspondent; editing by the regional desk. utm_source=newsletter&utm_medium=email",
].join("\n\n");

const QUAKE_A =
  "A magnitude 6.4 earthquake struck the mountainous south of the country on Tuesday night, killing at least 23 people and injuring more than 300, the national disaster agency said. The quake was centred 12 kilometres north of the town of Varenna at a depth of 10 kilometres. Rescue teams worked through the night to free residents trapped under collapsed houses, and the army sent field hospitals to the worst-hit villages. Aftershocks continued into the morning, and schools across the region were closed for the rest of the week while engineers inspect buildings.";
const QUAKE_B =
  "Rescuers dug through rubble on Wednesday after a powerful earthquake shook the southern highlands, leaving 19 dead and about 250 hurt according to local officials. The tremor, measured at 6.2 by the geological institute, hit near the village of Castelmonte shortly before midnight. Many of the victims were asleep when their stone houses gave way. The prime minister promised emergency funds and said the government would rebuild every damaged school, while residents spent the night in cars and tents fearing further shocks.";

describe("createCopyDetector", () => {
  const detect = createCopyDetector();

  it("groups exact copies under the earliest member's id", () => {
    const out = detect([
      article("b", WIRE, "2024-05-06"),
      article("a", WIRE, "2024-05-07"),
      article("c", QUAKE_A),
    ]);
    const expected: CopyGroup = { id: "b", match: "exact", similarity: 1, members: ["b", "a"] };
    expect(out[0]?.copyGroup).toEqual(expected);
    expect(out[1]?.copyGroup).toEqual(expected);
    expect(out[2]?.copyGroup).toBeUndefined();
  });

  it("groups a near copy with a new first line, a byline, a footer and tracking junk", () => {
    const out = detect([
      article("wire", WIRE, "2024-05-06"),
      article("reprint", REPRINT, "2024-05-06T10:00"),
    ]);
    const group = out[1]?.copyGroup;
    expect(group).toMatchObject({ id: "wire", match: "near", members: ["wire", "reprint"] });
    expect(group?.similarity).toBeGreaterThan(0.6);
    expect(group?.similarity).toBeLessThan(1);
    expect(out[0]?.copyGroup).toMatchObject({ id: "wire", match: "exact", similarity: 1 });
  });

  it("groups a reprint that drops the last paragraph and one that differs only in spacing", () => {
    const trimmed = WIRE.split("\n\n").slice(0, 3).join("\n\n");
    const respaced = WIRE.replaceAll("\n\n", "\n").replaceAll(", ", " , ");
    const out = detect([article("wire", WIRE, "2024-05-06"), article("t", trimmed), article("s", respaced)]);
    expect(out[1]?.copyGroup).toMatchObject({ id: "wire", match: "near", members: ["wire", "s", "t"] });
    expect(out[2]?.copyGroup).toMatchObject({ match: "near", similarity: 1 });
  });

  it("keeps apart independent reports of the same kind of happening", () => {
    const out = detect([article("qa", QUAKE_A), article("qb", QUAKE_B), article("e", WIRE)]);
    expect(out.map((a) => a.copyGroup)).toEqual([undefined, undefined, undefined]);
  });

  it("keeps apart the two seed articles, but groups a seed with its reprint", () => {
    const dir = new URL("../../examples/albu-kamal/", import.meta.url);
    const [first, second] = ["000_94ae060d2235aff0.txt", "001_00835ee31e389aee.txt"].map((f) =>
      readFileSync(new URL(f, dir), "utf8"),
    ) as [string, string];
    const reprint = `Our correspondent adds context below.\n\n${second.split("\n\n").slice(1).join("\n\n")}\n\nShare this story`;
    const out = detect([article("s0", first), article("s1", second), article("s1-reprint", reprint)]);
    expect(out[0]?.copyGroup).toBeUndefined();
    expect(out[1]?.copyGroup?.members).toEqual(["s1", "s1-reprint"]);
  });

  it("never groups short texts, not even identical ones", () => {
    const out = detect([
      article("p1", "Photo: AP"),
      article("p2", "Photo: AP"),
      article("p3", "Photo: AP via Reuters"),
    ]);
    expect(out.every((a) => a.copyGroup === undefined)).toBe(true);
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
    const atMinimum = detect([article("x", words(25)), article("y", words(25))]);
    expect(atMinimum[0]?.copyGroup?.members).toEqual(["x", "y"]);
    const belowMinimum = detect([article("x", words(24)), article("y", words(24))]);
    expect(belowMinimum[0]?.copyGroup).toBeUndefined();
  });

  it("finds the same groups whatever the input order", () => {
    const articles = [
      article("w1", WIRE, "2024-05-06"),
      article("w2", REPRINT, "2024-05-07"),
      article("w3", WIRE, "2024-05-08"),
      article("qa", QUAKE_A, "2024-05-01"),
      article("qb", QUAKE_B, "2024-05-01"),
      article("qa2", `${QUAKE_A}\n\nFollow our live coverage.`, "2024-05-02"),
    ];
    const groupsOf = (list: Article[]) => Object.fromEntries(list.map((a) => [a.id, a.copyGroup]));
    const expected = groupsOf(detect(articles));
    expect(expected["w3"]?.members).toEqual(["w1", "w2", "w3"]);
    expect(expected["qa2"]?.members).toEqual(["qa", "qa2"]);
    for (const order of [[...articles].reverse(), [2, 5, 0, 3, 1, 4].map((i) => articles[i] as Article)]) {
      expect(groupsOf(detect(order))).toEqual(expected);
    }
  });

  it("keeps the group id when a later copy arrives", () => {
    const before = detect([article("orig", WIRE, "2024-05-06"), article("copy", REPRINT, "2024-05-07")]);
    const after = detect([...before, article("late", WIRE, "2024-05-09")]);
    expect(after.map((a) => a.copyGroup?.id)).toEqual(["orig", "orig", "orig"]);
    expect(after[2]?.copyGroup).toMatchObject({ match: "exact", members: ["orig", "copy", "late"] });
  });

  it("drops a stale group and never mutates its inputs", () => {
    const stale: CopyGroup = { id: "gone", match: "exact", similarity: 1, members: ["gone", "lone"] };
    const lone = { ...article("lone", QUAKE_A), copyGroup: stale };
    const wire = article("w", WIRE);
    const copy = article("c", WIRE);
    const snapshot = structuredClone([lone, wire, copy]);
    const out = detect([lone, wire, copy]);
    expect([lone, wire, copy]).toEqual(snapshot);
    expect(out[0]).not.toHaveProperty("copyGroup");
    expect(out[1]).not.toBe(wire);
  });
});

describe("createCopyIndex", () => {
  it("takes articles incrementally and agrees with a single batch", () => {
    const index = createCopyIndex();
    index.add([article("w", WIRE, "2024-05-06"), article("q", QUAKE_A)]);
    expect(index.groups().size).toBe(0);
    index.add([article("r", REPRINT, "2024-05-07"), article("w", QUAKE_B)]);
    expect(index.size).toBe(3);
    expect(index.groups().get("r")?.members).toEqual(["w", "r"]);
  });
});

describe("signatures", () => {
  const sign = createSigner(DEFAULT_COPY_DETECTOR_OPTIONS);

  it("ignores case, accents and punctuation", () => {
    const a = sign(
      "Peña Nieto said: “The vote was fair,” on Monday; observers agreed and left the capital early.",
    );
    const b = sign(
      'PENA NIETO said - "the vote was fair" - on monday, observers agreed and left the capital early',
    );
    expect(estimateSimilarity(a.values, b.values)).toBe(1);
    expect(a.words).toBe(16);
  });

  it("estimates the Jaccard similarity of shingle sets", () => {
    // 200 shared shingles and 100 own ones each: the true similarity is 200 / 400 = 0.5.
    const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const shared = words("s", 204);
    const a = sign([...shared, ...words("a", 100)].join(" "));
    const b = sign([...shared, ...words("b", 100)].join(" "));
    expect(estimateSimilarity(a.values, b.values)).toBeGreaterThan(0.5 - 3 * 0.044);
    expect(estimateSimilarity(a.values, b.values)).toBeLessThan(0.5 + 3 * 0.044);
  });
});

describe("options", () => {
  it("finds a pair at the threshold with high probability by default", () => {
    const { threshold, bands, rows } = DEFAULT_COPY_DETECTOR_OPTIONS;
    expect(candidateProbability(threshold, bands, rows)).toBeGreaterThan(0.99);
    expect(candidateProbability(0.1, bands, rows)).toBeLessThan(0.05);
  });

  it("rejects invalid options with the option's name", () => {
    expect(() => resolveCopyDetectorOptions({ threshold: 0 })).toThrow(/threshold/);
    expect(() => resolveCopyDetectorOptions({ bands: 64, rows: 3 })).toThrow(/rows/);
    expect(() => resolveCopyDetectorOptions({ minWords: 2 })).toThrow(/minWords/);
    expect(() => resolveCopyDetectorOptions({ numHashes: 1.5 })).toThrow(/numHashes/);
  });
});
