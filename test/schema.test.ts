import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { BOILERPLATE_KINDS, SCHEMA_VERSION } from "../src/model/index.js";
import { BATTLE, PROTEST, QUAKE } from "../src/export/test-support.js";
import type { EventReport, ParallaxResult } from "../src/model/index.js";
import { analyzeJson, EXAMPLES } from "./helpers.js";

const schemaFile = new URL("../schema/parallax-output.schema.json", import.meta.url);
const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
let output: unknown;

beforeAll(async () => {
  output = (await analyzeJson([EXAMPLES])).result;
});

describe("output schema", () => {
  it("validates the JSON printed for the examples", () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: true });
    const validate = ajv.compile(schema);
    const valid = validate(output);
    expect(validate.errors?.slice(0, 5) ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("rejects output that breaks it", () => {
    const ajv = new Ajv2020.default({ strict: true });
    const validate = ajv.compile(schema);
    const broken = structuredClone(output) as { articles: { annotations: { entities: unknown[] } }[] };
    broken.articles[0]?.annotations.entities.push({ start: 0, end: 3, text: "x", type: "ALIEN" });
    expect(validate(broken)).toBe(false);
  });

  it("validates events and event reports built by hand, and rejects a broken one", () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: true });
    const validate = ajv.compile(schema);
    const evidence = [{ start: 0, end: 7, text: "Entered", sentence: 0 }];
    const report: EventReport = {
      start: 0,
      end: 7,
      text: "Entered",
      provenance: { stage: "events", method: "test" },
      id: "a#e1",
      type: "battles",
      subType: "armed-clash",
      typeConfidence: 0.9,
      actor1: { value: { name: "Army", category: "armed-forces" }, evidence },
      associated: [],
      place: { value: BATTLE.fields.place.resolved!, evidence },
      date: { value: { value: "2017-11-08", precision: "day", basis: "explicit" }, evidence },
      fatalities: { value: { count: 3, approximate: false }, evidence },
      mentions: [0],
      sentences: [0],
    };
    const result = structuredClone(output) as ParallaxResult;
    result.events = [BATTLE, PROTEST, QUAKE];
    result.stories[0] = { ...result.stories[0]!, eventIds: [BATTLE.id] };
    result.articles[0]!.annotations.eventReports = [report];
    expect(validate(result) ? [] : validate.errors?.slice(0, 5)).toEqual([]);
    const broken = structuredClone(result);
    (broken.events[0]!.fields.place.resolved as { precision: string }).precision = "somewhere";
    expect(validate(broken)).toBe(false);
  });

  it("carries the model's schema version", () => {
    expect((output as { schemaVersion: string }).schemaVersion).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toMatch(new RegExp(schema.properties.schemaVersion.pattern));
  });

  it("lists the model's kinds of removed boilerplate", () => {
    expect(schema.$defs.RemovedBlock.properties.kind.enum).toEqual([...BOILERPLATE_KINDS]);
  });

  it("is the schema the build script writes", async () => {
    const { schema: generated } = await import("../scripts/build-schema.mjs");
    expect(schema).toEqual(generated);
  });
});
