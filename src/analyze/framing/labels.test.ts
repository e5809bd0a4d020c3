import { beforeAll, describe, expect, it } from "vitest";
import type { ActorLabel, Article, EventMention } from "../../model/index.js";
import type { AnalysisComponent } from "../component.js";
import { articleOf, type EntitySpec, entities, spansOf } from "../events/test-support.js";
import { type LabelLexicon, loadLabelLexicon, parseLabelLexicon } from "../lexicons.js";
import { createTokenizer } from "../tokens.js";
import { createActorLabeler } from "./index.js";

let tokenizer: AnalysisComponent;
let lexicon: LabelLexicon;
let labeler: AnalysisComponent;

beforeAll(() => {
  tokenizer = createTokenizer();
  lexicon = loadLabelLexicon();
  labeler = createActorLabeler({ labels: lexicon });
});

/** Hand-made actors of several subjects, with their dictionary categories. */
const ACTORS: EntitySpec[] = [
  {
    needle: "Assad regime",
    type: "ORG",
    canonical: "Syrian government",
    actorId: "syrian-government",
    category: "government",
  },
  {
    needle: "Syrian government",
    type: "ORG",
    canonical: "Syrian government",
    actorId: "syrian-government",
    category: "government",
  },
  { needle: "ISIS", type: "ORG", canonical: "Islamic State", actorId: "isis", category: "armed-group" },
  {
    needle: "Islamic State",
    type: "ORG",
    canonical: "Islamic State",
    actorId: "isis",
    category: "armed-group",
  },
  { needle: "Kurdish", type: "NORP", canonical: "Kurds", actorId: "kurds", category: "ethnic-group" },
  {
    needle: "Tatmadaw",
    type: "ORG",
    canonical: "Myanmar military",
    actorId: "tatmadaw",
    category: "armed-forces",
  },
  { needle: "Hamas", type: "ORG", canonical: "Hamas", actorId: "hamas", category: "armed-group" },
  {
    needle: "Syrian Army",
    type: "ORG",
    canonical: "Syrian Arab Army",
    actorId: "syrian-arab-army",
    category: "armed-forces",
  },
  { needle: "Iran", type: "GPE", canonical: "Iran", actorId: "iran", category: "state" },
];

function withCountry(list: ReturnType<typeof entities>): ReturnType<typeof entities> {
  return list.map((e) => (e.actorId === "syrian-government" ? { ...e, country: "SY" } : e));
}

function article(text: string, extra: { events?: EventMention[] } = {}): Article {
  const base = articleOf(tokenizer, text, { entities: withCountry(entities(text, ACTORS)) });
  return { ...base, annotations: { ...base.annotations, events: extra.events ?? [] } };
}

const labelsOf = (a: Article): ActorLabel[] => labeler.run(a).actorLabels ?? [];
const summary = (labels: readonly ActorLabel[]) => labels.map((l) => `${l.text}>${l.actor}:${l.category}`);

/** An event mention whose trigger is `trigger` (first occurrence) and whose actor is `actor`. */
function eventOf(text: string, trigger: string, actor?: { needle: string; id: string }): EventMention {
  const span = spansOf(text, trigger)[0] as { start: number; end: number };
  const actorSpan = actor ? (spansOf(text, actor.needle)[0] as { start: number; end: number }) : undefined;
  return {
    ...span,
    text: trigger,
    provenance: { stage: "analyze", method: "test" },
    action: "capture",
    trigger: { ...span, text: trigger },
    sentence: 0,
    ...(actor && actorSpan ? { actor: { ...actorSpan, text: actor.needle, id: actor.id } } : {}),
  };
}

describe("createActorLabeler", () => {
  it("links a label inside a name, next to a name, and after 'of' to that actor", () => {
    const found = labelsOf(
      article(
        "The Assad regime shelled the city. ISIS terrorists attacked Kurdish militants. Fighters of the Islamic State fled.",
      ),
    );
    expect(summary(found)).toEqual([
      "regime>Syrian government:pejorative",
      "terrorists>Islamic State:pejorative",
      "militants>Kurds:neutral",
      "Fighters>Islamic State:neutral",
    ]);
    expect(found[0]?.provenance.method).toBe("lexicon:labels:entity");
    expect(found[1]?.provenance.method).toBe("lexicon:labels:phrase");
  });

  it("tells 'the Syrian government' (neutral) from 'the regime' standing alone (pejorative, same actor)", () => {
    const found = labelsOf(article("The Syrian government said talks would resume. Iran backed the regime."));
    expect(summary(found)).toEqual([
      "government>Syrian government:neutral",
      "regime>Syrian government:pejorative",
    ]);
    expect(found[1]?.actorId).toBe("syrian-government");
  });

  it("names a military government 'the junta' and refers back to the last armed group named", () => {
    const found = labelsOf(
      article(
        "The Tatmadaw seized power in February. The junta arrested dozens. Hamas fired rockets. The militants later withdrew.",
      ),
    );
    expect(summary(found)).toEqual(["junta>Myanmar military:pejorative", "militants>Hamas:neutral"]);
  });

  it("gives 'rioters' and 'protesters' the same group with different categories", () => {
    const a = labelsOf(article("Rioters set fire to cars in the capital."));
    const b = labelsOf(article("Protesters marched through the capital."));
    expect(summary(a)).toEqual(["Rioters>protesters:pejorative"]);
    expect(summary(b)).toEqual(["Protesters>protesters:neutral"]);
  });

  it("attaches a deed label to the actor of the event whose trigger it is", () => {
    const text = "The Syrian Army announced the liberation of the town.";
    const found = labelsOf(
      article(text, {
        events: [eventOf(text, "liberation", { needle: "Syrian Army", id: "syrian-arab-army" })],
      }),
    );
    expect(summary(found)).toEqual(["liberation>Syrian Arab Army:legitimising"]);
    expect(found[0]?.provenance.method).toBe("lexicon:labels:event");
  });

  it("drops a deed word that needs an event when none is there ('in the fall'), and labels nothing on other subjects", () => {
    expect(labelsOf(article("Prices may fall in the fall, the central bank said."))).toEqual([]);
    expect(
      labelsOf(article("The court ruled that the election results stand. An earthquake shook the coast.")),
    ).toEqual([]);
  });

  it("keeps offsets on the text and checks the lexicon", () => {
    const a = article("ISIS terrorists attacked.");
    for (const l of labelsOf(a)) expect(a.text.slice(l.start, l.end)).toBe(l.text);
    expect(lexicon.labels.length).toBeGreaterThan(80);
    expect(() => parseLabelLexicon({ labels: [{ term: "x", category: "neutral", note: "a note" }] })).toThrow(
      /actors/,
    );
    expect(() => parseLabelLexicon({ labels: [], weights: { neutral: 2 } })).toThrow(/\[0, 1\]/);
  });
});
