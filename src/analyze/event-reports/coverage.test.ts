import { beforeAll, describe, expect, it } from "vitest";
import { createAnalyzer, type Analyzer } from "../analyzer.js";
import { articleFromText, type EventReport } from "../../model/index.js";
import { analysisComponents, loadKnowledge } from "../../pipeline/default.js";
import { loadEventTaxonomy } from "../event-types/index.js";

/**
 * Coverage over the taxonomy: wire-style sentences written by the Parallax team (one or more per
 * ACLED sub-type and per news kind, from every region) run through the whole analyzer. Each
 * names the sub-type expected (or "a|b" when two are defensible, or a type id), and where
 * clear actor1, actor2 and place: a RegExp, "none" (must be absent) or null (not checked).
 * Some report of the sentence must match all of them.
 */

type Expect = RegExp | "none" | null;
type Case = [text: string, want: string, actor1: Expect, actor2: Expect, place: Expect];

const POSITIVE: Case[] = [
  [
    "Government troops clashed with rebels near the town of Bambari on Saturday, leaving 12 fighters dead.",
    "armed-clash",
    /troops/i,
    /rebels/i,
    /Bambari/,
  ],
  [
    "Heavy fighting broke out between the army and militants in North Waziristan on Tuesday.",
    "armed-clash",
    null,
    null,
    /Wa.?z.?rist/,
  ],
  [
    "The army recaptured the town of Palma from insurgents on Sunday after a week of fighting.",
    "government-regains-territory",
    /army/i,
    null,
    /Palma/,
  ],
  [
    "Rebels seized the town of Goma after government soldiers withdrew on Wednesday.",
    "non-state-overtakes-territory",
    /Rebels/i,
    null,
    /Goma/,
  ],
  [
    "Russian warplanes carried out air strikes on the city of Idlib on Monday, killing five civilians.",
    "air-drone-strike",
    null,
    null,
    /Idlib/,
  ],
  [
    "A drone strike hit a car near Marib on Thursday, killing three militants.",
    "air-drone-strike",
    null,
    null,
    /Ma.?rib/,
  ],
  [
    "Artillery shelling hit residential areas of Kharkiv overnight, officials said.",
    "shelling-artillery-missile",
    null,
    null,
    /Kharkiv/,
  ],
  [
    "Militants fired rockets at the city of Sderot on Friday.",
    "shelling-artillery-missile|explosions-remote-violence",
    /Militants/i,
    null,
    /Sderot/,
  ],
  [
    "A suicide bomber blew himself up at a market in Kabul on Friday, killing 14 people.",
    "suicide-bomb",
    null,
    null,
    /Kabul/,
  ],
  [
    "A car bomb exploded near a checkpoint in Mogadishu, killing at least eight people.",
    "remote-explosive",
    null,
    /Civilians/,
    /Mogadishu/,
  ],
  [
    "A roadside bomb struck a military convoy in Diyala province on Tuesday, killing two soldiers.",
    "remote-explosive",
    null,
    null,
    /Diyala/,
  ],
  [
    "An unidentified attacker hurled a grenade at a police station in Srinagar on Sunday.",
    "grenade",
    null,
    null,
    /Srinagar/,
  ],
  [
    "Government forces used chlorine gas in an attack on the town of Douma, rescuers said.",
    "chemical-weapon",
    null,
    null,
    /D.m./,
  ],
  [
    "Gunmen killed 11 villagers in an attack on a village in Plateau state on Sunday.",
    "attack-on-civilians",
    /Gunmen/i,
    /Civilians/,
    /Plateau/,
  ],
  [
    "Gunmen abducted 30 students from a school in Kaduna state on Monday.",
    "abduction",
    /Gunmen/i,
    /Civilians|students/i,
    /Kaduna/,
  ],
  [
    "Soldiers raped several women in a village in South Kivu, a rights group said on Friday.",
    "sexual-violence",
    /Soldiers/i,
    /Civilians|women/i,
    /Kivu/,
  ],
  [
    "Thousands of people marched peacefully through the streets of Santiago on Saturday to demand higher pensions.",
    "peaceful-protest",
    /Protesters/,
    null,
    /Santiago/,
  ],
  [
    "Police dispersed hundreds of protesters in Colombo on Sunday and detained 20 of them.",
    "protest-with-intervention|protests",
    /Police/i,
    /Protesters/,
    /Colombo/,
  ],
  [
    "Police fired tear gas at protesters in Nairobi on Tuesday as thousands marched against the new tax.",
    "protests",
    /Police/i,
    /Protesters/,
    /Nairobi/,
  ],
  [
    "Security forces opened fire on demonstrators in Khartoum on Thursday, killing nine people.",
    "excessive-force-against-protesters",
    /forces/i,
    /Protesters|Civilians|demonstrators/i,
    /Khartoum/,
  ],
  [
    "Rioters torched cars and looted shops in the city of Dijon on Saturday night.",
    "riots|looting-property-destruction",
    /Rioters/,
    null,
    /Dijon/,
  ],
  [
    "A mob lynched a man accused of theft in a village near Dhaka on Monday.",
    "mob-violence",
    /mob|Rioters/i,
    null,
    /Dhaka/,
  ],
  ["The two sides signed a peace agreement in Doha on Saturday.", "agreement", null, null, /Doha/],
  ["Police arrested 25 opposition activists in Minsk on Wednesday.", "arrests", /Police/i, null, /Minsk/],
  [
    "The militia announced on Monday that it had changed its name and appointed a new leader.",
    "change-to-group|other-development",
    null,
    null,
    null,
  ],
  [
    "Soldiers defused a landmine planted on a road near Gao on Tuesday.",
    "disrupted-weapons-use",
    /Soldiers/i,
    null,
    /Gao/,
  ],
  [
    "The rebels established a new base in the hills outside Mopti, residents said.",
    "base-established",
    /rebels/i,
    null,
    /Mopti/,
  ],
  [
    "Government troops handed over the town of Kidal to the rebels without a fight on Sunday.",
    "non-violent-territory-transfer",
    null,
    null,
    /Kidal/,
  ],
  [
    "Armed men looted shops and set fire to houses in the town of Djibo on Wednesday.",
    "looting-property-destruction",
    null,
    null,
    /Djibo/,
  ],
  [
    "The foreign minister of Japan met his Chinese counterpart in Beijing on Thursday for talks on trade.",
    "diplomatic-meeting",
    null,
    null,
    /Beijing/,
  ],
  [
    "Poland expelled two Russian diplomats on Tuesday, the foreign ministry said.",
    "diplomatic-measure",
    /Poland/i,
    null,
    null,
  ],
  [
    "The United States imposed sanctions on three Iranian officials on Monday.",
    "diplomatic-measure",
    /United States|U\.S\./i,
    null,
    null,
  ],
  [
    "The group claimed responsibility for the attack on Saturday.",
    "claim-of-responsibility",
    null,
    null,
    null,
  ],
  [
    "A magnitude 7.1 earthquake struck off the coast of Japan on Wednesday.",
    "natural-disaster",
    "none",
    "none",
    /Japan/,
  ],
  [
    "Floods swept through villages in Assam on Monday, killing 12 people.",
    "natural-disaster",
    "none",
    null,
    /Assam/,
  ],
  [
    "An explosion at a chemical factory in Tianjin killed at least 20 workers on Friday.",
    "man-made-disaster",
    null,
    null,
    /Tianjin/,
  ],
  [
    "A passenger train derailed in the state of Odisha on Friday, killing 40 people.",
    "man-made-disaster",
    null,
    null,
    /Odisha/,
  ],
  [
    "Police seized two tonnes of cocaine from a drug cartel in the port of Guayaquil on Monday.",
    "criminal-activity|arrests",
    null,
    null,
    /Guayaquil/,
  ],
  ["Voters in Indonesia elected a new president on Wednesday.", "election", null, null, /Indonesia/],
];

/** Figures of speech, irrealis and background tolls: no event at all. */
const NEGATIVE: string[] = [
  "The senator attacked the budget plan in a fiery speech on Monday.",
  "The company hopes to capture a larger share of the market next year.",
  "Rebels threatened to seize the town if talks failed.",
  "More than 500,000 people have been killed since the war began in 2011.",
  "The striker scored twice as the home side crushed their rivals.",
  "Analysts said the central bank could raise rates to fight inflation.",
  "The new film explodes with colour and music.",
  "The party is bracing for a battle over the leadership.",
  "The minister denied that troops had entered the village.",
];

/** Share of positive cases whose sub-type (or type) must be right; every negative must stay silent. */
const TYPE_FLOOR = 0.85;
/** Share whose sub-type, actors and place must all be right. */
const FIELDS_FLOOR = 0.8;

let analyze: Analyzer;
let typeOf: Map<string, string>;

beforeAll(() => {
  analyze = createAnalyzer(analysisComponents(loadKnowledge()));
  typeOf = new Map(loadEventTaxonomy().types.flatMap((t) => t.subTypes.map((s) => [s.id, t.id] as const)));
}, 60_000);

function reportsOf(text: string): EventReport[] {
  const published = { value: "2024-05-10", precision: "day" as const, source: "test" };
  return analyze(articleFromText(text, { id: "t", published })).annotations.eventReports;
}

function fits(expected: Expect, value: string | undefined): boolean {
  if (expected === null) return true;
  return expected === "none" ? value === undefined : expected.test(value ?? "");
}

function describeReports(reports: readonly EventReport[]): string {
  if (reports.length === 0) return "no report";
  return reports
    .map(
      (r) =>
        `${r.subType} ${r.actor1?.value.name ?? "-"} -> ${r.actor2?.value.name ?? "-"} @ ${r.place?.value.name ?? "-"}`,
    )
    .join("; ");
}

describe("event coverage across the taxonomy", () => {
  it("types the positive cases and reads their actors and places", () => {
    const failures: string[] = [];
    let typed = 0;
    let complete = 0;
    for (const [text, want, actor1, actor2, place] of POSITIVE) {
      const reports = reportsOf(text);
      const accepted = want.split("|");
      const ofType = reports.filter(
        (r) => accepted.includes(r.subType) || accepted.includes(typeOf.get(r.subType) ?? ""),
      );
      const whole = ofType.find(
        (r) =>
          fits(actor1, r.actor1?.value.name) &&
          fits(actor2, r.actor2?.value.name) &&
          fits(place, r.place?.value.name),
      );
      if (ofType.length > 0) typed += 1;
      if (whole) complete += 1;
      else
        failures.push(
          `${ofType.length > 0 ? "fields" : "type"} ${want} :: ${text} => ${describeReports(reports)}`,
        );
    }
    const message = `typed ${typed}/${POSITIVE.length}, complete ${complete}/${POSITIVE.length}\n${failures.join("\n")}`;
    expect(typed / POSITIVE.length, message).toBeGreaterThanOrEqual(TYPE_FLOOR);
    expect(complete / POSITIVE.length, message).toBeGreaterThanOrEqual(FIELDS_FLOOR);
  });

  it("makes no report of figures of speech, irrealis or background tolls", () => {
    const loud = NEGATIVE.map((text) => ({ text, reports: reportsOf(text) })).filter(
      (n) => n.reports.length > 0,
    );
    expect(loud.map((n) => `${n.text} => ${describeReports(n.reports)}`)).toEqual([]);
  });
});

describe("argument roles", () => {
  it("reads no weapon as an actor", () => {
    const [report] = reportsOf(
      "A car bomb exploded near a checkpoint in Mogadishu, killing at least eight people.",
    );
    expect(report?.subType).toBe("remote-explosive");
    expect(report?.actor1).toBeUndefined();
    expect(report?.actor2?.value.name).toBe("Civilians (Somalia)");
  });

  it("makes the protesters, not what they protest, the ones acted upon", () => {
    const [report] = reportsOf(
      "Police fired tear gas at protesters in Nairobi on Tuesday as thousands marched against the new tax.",
    );
    expect(report?.type).toBe("protests");
    expect(report?.actor1?.value.name).toMatch(/Police/i);
    expect(report?.actor2?.value.name).toBe("Protesters (Kenya)");
  });

  it("names a peaceful crowd as protesters acting", () => {
    const [report] = reportsOf(
      "Thousands of people marched peacefully through the streets of Santiago on Saturday.",
    );
    expect(report?.actor1?.value).toMatchObject({ name: "Protesters (Chile)", category: "protesters" });
  });

  it("gives a disaster no actors", () => {
    const [report] = reportsOf("A magnitude 7.1 earthquake struck off the coast of Japan on Wednesday.");
    expect(report?.subType).toBe("natural-disaster");
    expect(report?.actor1).toBeUndefined();
    expect(report?.actor2).toBeUndefined();
    expect(report?.place?.value).toMatchObject({ countryCode: "JP" });
  });

  it("reads an abduction whose verb the tagger takes for a noun", () => {
    const [report] = reportsOf("Gunmen abducted 30 students from a school in Kaduna state on Monday.");
    expect(report?.subType).toBe("abduction");
    expect(report?.actor1?.value.name).toMatch(/Gunmen/i);
  });
});
