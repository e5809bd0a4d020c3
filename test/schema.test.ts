import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { BOILERPLATE_KINDS, SCHEMA_VERSION } from "../src/model/index.js";
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
