import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cleanAuthors, fullerNames, splitAuthors } from "./authors.js";
import { creditNames, creditOfCaption, parseCreditLine } from "./credits.js";
import { type BoilerplateData, loadBoilerplateData } from "./data.js";
import { outletFromBoilerplate, outletFromUrl } from "./outlet.js";

let data: BoilerplateData;

beforeAll(() => {
  data = loadBoilerplateData();
});

describe("credits", () => {
  it("splits a credit line into labelled segments", () => {
    const credits = parseCreditLine(
      "Source: Reuters | Photo: Jane Roe/Example Agency",
      data.metadata.creditLabels,
      data.metadata.sourceCreditLabels,
    );
    expect(credits).toEqual([
      { kind: "sources", text: "Source: Reuters", names: ["Reuters"] },
      { kind: "image", text: "Photo: Jane Roe/Example Agency", names: ["Jane Roe", "Example Agency"] },
    ]);
  });

  it("keeps 'X via Y' whole and splits on 'and'", () => {
    expect(creditNames("AP via Independent, Newsweek and Time.")).toEqual([
      "AP via Independent",
      "Newsweek",
      "Time",
    ]);
  });

  it("reads the credit inside a caption", () => {
    const labels = data.metadata.creditLabels;
    expect(creditOfCaption("Rescue workers at the site (Reuters)", labels)?.names).toEqual(["Reuters"]);
    expect(creditOfCaption("The court building. Photo: Jane Roe", labels)?.names).toEqual(["Jane Roe"]);
    expect(creditOfCaption("The court building at dusk.", labels)).toBeUndefined();
  });
});

describe("authors", () => {
  it("drops a role in brackets and a handle after a name", () => {
    expect(splitAuthors("Jane Doe (Press Officer), John Roe @jroe")).toEqual(["Jane Doe", "John Roe"]);
  });

  it("takes the fuller spelling of a one-word name from another source", () => {
    expect(fullerNames(["Todd", "DT", "Ana Torres"], ["Todd Bates", "Donald Townsend"])).toEqual([
      "Todd Bates",
      "Donald Townsend",
      "Ana Torres",
    ]);
    expect(fullerNames(["Jules"], ["Ana Torres"])).toEqual(["Jules"]);
  });

  it("splits bylines", () => {
    expect(splitAuthors("By Jane Doe, John Roe and Ana Torres")).toEqual([
      "Jane Doe",
      "John Roe",
      "Ana Torres",
    ]);
  });

  it("drops junk: words, dates, URLs, the outlet, phrases", () => {
    const check = { lexicon: data.metadata, maxWords: 5, outlet: "The Example Herald" };
    const values = [
      "Published",
      "Maria Lopez",
      "November 10, 2017",
      "https://example.com/authors/x",
      "The Example Herald",
      "the quick brown fox",
      "Staff Reporter",
      "Ursula von der Leyen",
      "maria lopez",
    ];
    expect(cleanAuthors(values, check)).toEqual(["Maria Lopez", "Ursula von der Leyen"]);
  });
});

describe("outlet", () => {
  it("learns the outlet's name from its boilerplate, explicit wording first", () => {
    const blocks = [
      "If your comments are subject to preview by TDN, please be patient.",
      "Help us. The Daily Nowhere is depending on donations from our readers to keep going.",
    ];
    expect(outletFromBoilerplate(blocks, data.outlets)).toEqual({
      value: "The Daily Nowhere",
      source: "boilerplate:outlet/depends-on-readers",
    });
    expect(outletFromBoilerplate([blocks[0] ?? ""], data.outlets)?.value).toBe("TDN");
    expect(
      outletFromBoilerplate(["Copyright © 2019-2024 Valley Courier, all rights reserved"], data.outlets)
        ?.value,
    ).toBe("Valley Courier");
    expect(outletFromBoilerplate(["Nothing here names a site."], data.outlets)).toBeUndefined();
  });

  it("falls back to the URL host", () => {
    expect(outletFromUrl("https://www.example.co.uk/news/1")).toEqual({
      value: "example.co.uk",
      source: "url-host",
    });
    expect(outletFromUrl("not a url")).toBeUndefined();
  });
});

describe("data loader", () => {
  it("loads every rule with a kind and compiles its pattern", () => {
    expect(data.blocks.length).toBeGreaterThan(20);
    expect(new Set(data.blocks.map((r) => r.id)).size).toBe(data.blocks.length);
    expect(data.outlets.every((r) => r.pattern.source.includes("(?<outlet>"))).toBe(true);
  });

  it("names the file and rule of a bad pattern", () => {
    const dir = mkdtempSync(join(tmpdir(), "parallax-boilerplate-"));
    try {
      writeFileSync(
        join(dir, "blocks.json"),
        JSON.stringify({ rules: [{ id: "bad/one", kind: "navigation", pattern: "(" }] }),
      );
      writeFileSync(join(dir, "outlets.json"), JSON.stringify({ rules: [] }));
      writeFileSync(
        join(dir, "metadata.json"),
        JSON.stringify({ authorJunk: [], articleTypes: [], creditLabels: [], nameParticles: [] }),
      );
      expect(() => loadBoilerplateData(dir)).toThrow(/blocks\.json#bad\/one: bad pattern/);
      writeFileSync(
        join(dir, "blocks.json"),
        JSON.stringify({ rules: [{ id: "bad/two", kind: "ads", pattern: "x" }] }),
      );
      expect(() => loadBoilerplateData(dir)).toThrow(/unknown kind "ads"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
