// Writes schema/parallax-output.schema.json, the JSON Schema of `parallax analyze --json`, from the
// definitions below, which mirror src/model/index.ts. Run `node scripts/build-schema.mjs` after a model
// change (and bump SCHEMA_VERSION); a test fails when the committed schema and this script disagree.
const str = { type: "string" },
  num = { type: "number" },
  int = { type: "integer" },
  bool = { type: "boolean" };
const ref = (n) => ({ $ref: `#/$defs/${n}` });
const arr = (x) => ({ type: "array", items: x });
const obj = (props, required = Object.keys(props), extra = {}) => ({
  type: "object",
  properties: props,
  required,
  additionalProperties: false,
  ...extra,
});
const span = { start: int, end: int };
const mention = (props, req = []) =>
  obj({ ...span, text: str, provenance: ref("Provenance"), ...props }, [
    "start",
    "end",
    "text",
    "provenance",
    ...req,
  ]);
const precision = { enum: ["minute", "hour", "day", "week", "month", "year", "decade", "vague"] };
const stage = {
  enum: [
    "ingest",
    "extract",
    "dedupe",
    "analyze",
    "cluster",
    "events",
    "compare",
    "profile",
    "store",
    "report",
  ],
};
const sourcedStr = ref("SourcedString");
const eventArg = obj({ ...span, text: str, id: str, canonical: str }, ["start", "end", "text"]);
const affiliation = obj({ ...span, text: str, canonical: str, actorId: str }, ["start", "end", "text"]);
const speaker = obj({ ...span, text: str, canonical: str, actorId: str, role: str, affiliation }, [
  "start",
  "end",
  "text",
]);
const casualty = { enum: ["killed", "wounded", "captured", "displaced", "missing"] };
const unit = { type: "number", minimum: 0, maximum: 1 };
const count = { type: "integer", minimum: 0 };
const speakerKind = {
  enum: [
    "government",
    "military",
    "armed-group",
    "opposition",
    "international",
    "civilian",
    "expert",
    "media",
    "unnamed",
    "other",
  ],
};
// Shares by kind: keys are speaker kinds (or lexicon categories), values in [0, 1] or counts.
const shares = (keys) => ({ type: "object", propertyNames: keys, additionalProperties: unit });
const counts = { type: "object", additionalProperties: { type: "number", minimum: 0 } };
const wordings = arr(ref("Wording"));
// Reported<T>, SourcedValue<T> and EventField<T> are generic in the model: one definition per T here.
const reported = (value) => obj({ value, evidence: arr(ref("Evidence")) });
const sourcedValue = (value) =>
  obj({ value, articleId: str, outlet: str, reportId: str, evidence: arr(ref("Evidence")) }, [
    "value",
    "articleId",
    "reportId",
    "evidence",
  ]);
const eventField = (value) =>
  obj({ values: arr(sourcedValue(value)), resolved: value, confidence: unit, reason: str }, [
    "values",
    "confidence",
    "reason",
  ]);
const schema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://parallax.invalid/schema/parallax-output.schema.json",
  title: "Parallax output",
  description:
    "The result of a Parallax run: articles with their mentions, stories and their fact-by-fact comparison, and the events the articles report, with every source's value of each field. Offsets are [start, end) JavaScript string indices into the article's clean text.",
  type: "object",
  properties: {
    schemaVersion: { type: "string", pattern: "^2\\.[0-9]+\\.[0-9]+$" },
    generatedBy: str,
    articles: arr(ref("Article")),
    stories: arr(ref("Story")),
    events: arr(ref("Event")),
    outlets: arr(ref("OutletProfile")),
    diagnostics: arr(ref("Diagnostic")),
  },
  required: ["schemaVersion", "generatedBy", "articles", "stories", "events", "diagnostics"],
  additionalProperties: false,
  $defs: {
    Provenance: obj({ stage, method: str, confidence: { type: "number", minimum: 0, maximum: 1 } }, [
      "stage",
      "method",
    ]),
    Span: obj(span),
    Diagnostic: obj(
      {
        severity: { enum: ["error", "warning", "info"] },
        stage,
        code: str,
        message: str,
        input: str,
        span: ref("Span"),
      },
      ["severity", "stage", "code", "message"],
    ),
    DateValue: obj({ value: str, precision, source: str }),
    SourcedString: obj({ value: str, source: str }),
    Origin: obj({ locator: str, record: int }, ["locator"]),
    CopyGroup: obj({
      id: str,
      match: { enum: ["exact", "near"] },
      similarity: { type: "number", minimum: 0, maximum: 1 },
      members: arr(str),
    }),
    RemovedBlock: obj({
      kind: {
        enum: [
          "navigation",
          "caption",
          "image-placeholder",
          "donation",
          "comment-policy",
          "related-widget",
          "cookie-notice",
          "share-bar",
          "newsletter",
          "comments",
          "author-bio",
          "tags",
          "breadcrumb",
          "paywall",
          "advertisement",
          "timestamp",
          "credits",
          "metadata",
          "title",
          "other",
        ],
      },
      text: str,
      rule: str,
    }),
    Credit: obj({ kind: { enum: ["sources", "image", "other"] }, text: str, names: arr(str) }),
    Article: obj(
      {
        id: str,
        origin: ref("Origin"),
        url: str,
        outlet: sourcedStr,
        title: sourcedStr,
        authors: arr(sourcedStr),
        published: ref("DateValue"),
        modified: ref("DateValue"),
        language: sourcedStr,
        text: str,
        contentHash: { type: "string", pattern: "^[0-9a-f]{64}$" },
        removed: arr(ref("RemovedBlock")),
        credits: arr(ref("Credit")),
        extractedBy: ref("Provenance"),
        diagnostics: arr(ref("Diagnostic")),
        annotations: ref("Annotations"),
        copyGroup: ref("CopyGroup"),
      },
      [
        "id",
        "origin",
        "authors",
        "text",
        "contentHash",
        "removed",
        "credits",
        "extractedBy",
        "diagnostics",
        "annotations",
      ],
    ),
    Annotations: obj({
      sentences: arr(ref("Span")),
      tokens: arr(obj({ ...span, text: str, pos: str, lemma: str, sentence: int })),
      entities: arr(
        mention(
          {
            type: { enum: ["PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"] },
            canonical: str,
            actorId: str,
            category: str,
            country: str,
            expansion: str,
          },
          ["type", "canonical", "actorId"],
        ),
      ),
      places: arr(
        mention(
          {
            name: str,
            geonameId: int,
            lat: { type: "number", minimum: -90, maximum: 90 },
            lon: { type: "number", minimum: -180, maximum: 180 },
            countryCode: str,
            admin1: str,
            feature: {
              enum: ["country", "admin1", "admin2", "city", "region", "facility", "water", "other"],
            },
            featureCode: str,
            population: num,
            confidence: { type: "number", minimum: 0, maximum: 1 },
            entityActorId: str,
          },
          ["name", "lat", "lon", "feature", "confidence"],
        ),
      ),
      times: arr(
        mention(
          { timexType: { enum: ["DATE", "TIME", "DURATION", "SET"] }, value: str, precision, anchor: str },
          ["timexType", "value", "precision"],
        ),
      ),
      quantities: arr(
        mention(
          {
            value: num,
            low: num,
            high: num,
            approximate: bool,
            unit: str,
            counted: str,
            casualty,
            fraction: bool,
          },
          ["approximate"],
        ),
      ),
      quotes: arr(mention({ content: str, speaker, cue: str, direct: bool }, ["content", "direct"])),
      attributions: arr(mention({ source: speaker, cue: str, citing: speaker }, ["source", "cue"])),
      events: arr(
        mention(
          {
            action: str,
            denied: bool,
            trigger: obj({ ...span, text: str }),
            sentence: int,
            actor: eventArg,
            target: eventArg,
            place: eventArg,
            time: obj({ ...span, text: str, id: str, canonical: str, value: str, precision }, [
              "start",
              "end",
              "text",
              "value",
              "precision",
            ]),
          },
          ["action", "trigger", "sentence"],
        ),
      ),
      eventReports: arr(ref("EventReport")),
      framing: arr(mention({ category: str, entry: str }, ["category", "entry"])),
      actorLabels: arr(
        mention({ actor: str, actorId: str, label: str, category: str }, ["actor", "label", "category"]),
      ),
      loadedSentences: arr(ref("SentenceLoad")),
    }),
    LoadDriver: obj({ ...span, text: str, category: str, weight: num }),
    SentenceLoad: obj({ ...span, sentence: int, score: unit, drivers: arr(ref("LoadDriver")) }),
    EventActor: obj({ name: str, actorId: str, category: str, countryCode: str }, ["name"]),
    EventPlace: obj(
      {
        name: str,
        geonameId: int,
        lat: { type: "number", minimum: -90, maximum: 90 },
        lon: { type: "number", minimum: -180, maximum: 180 },
        countryCode: str,
        country: str,
        admin1: str,
        admin2: str,
        precision: { enum: ["exact", "near", "region", "country"] },
      },
      ["name", "lat", "lon", "precision"],
    ),
    EventDate: obj({ value: str, precision, basis: { enum: ["explicit", "relative", "published"] } }),
    Fatalities: obj({ count: { type: "number", minimum: 0 }, low: num, high: num, approximate: bool }, [
      "count",
      "approximate",
    ]),
    Evidence: obj({ ...span, text: str, sentence: int }),
    EventReport: mention(
      {
        id: str,
        type: str,
        subType: str,
        typeConfidence: unit,
        actor1: reported(ref("EventActor")),
        actor2: reported(ref("EventActor")),
        associated: arr(reported(ref("EventActor"))),
        place: reported(ref("EventPlace")),
        date: reported(ref("EventDate")),
        fatalities: reported(ref("Fatalities")),
        mentions: arr(int),
        sentences: arr(int),
      },
      ["id", "type", "subType", "typeConfidence", "associated", "mentions", "sentences"],
    ),
    Event: obj({
      id: str,
      type: str,
      subType: str,
      storyIds: arr(str),
      reports: arr(obj({ articleId: str, reportId: str })),
      fields: obj({
        subType: eventField(str),
        actor1: eventField(ref("EventActor")),
        actor2: eventField(ref("EventActor")),
        associated: eventField(arr(ref("EventActor"))),
        place: eventField(ref("EventPlace")),
        date: eventField(ref("EventDate")),
        fatalities: eventField(ref("Fatalities")),
      }),
      confidence: unit,
    }),
    Wording: obj({ ...span, text: str, field: { enum: ["text", "credits"] }, credit: int }, [
      "start",
      "end",
      "text",
      "field",
    ]),
    FactCell: obj(
      {
        articleId: str,
        outlet: str,
        status: { enum: ["agree", "conflict", "only", "absent"] },
        wording: arr(ref("Wording")),
        value: str,
        denied: bool,
        copyGroup: str,
      },
      ["articleId", "outlet", "status", "wording"],
    ),
    Fact: obj(
      {
        id: str,
        kind: {
          enum: [
            "event",
            "actor",
            "target",
            "date",
            "place",
            "number",
            "outcome",
            "quote",
            "citation",
            "framing",
          ],
        },
        label: str,
        cells: arr(ref("FactCell")),
        independentSources: count,
        conflict: { enum: ["number", "date", "actor", "place", "denial"] },
        note: str,
        eventId: str,
        omittedBy: arr(str),
      },
      ["id", "kind", "label", "cells", "independentSources"],
    ),
    QuotedSpeaker: obj(
      { name: str, actorId: str, kind: speakerKind, quotes: count, direct: count, wording: wordings },
      ["name", "kind", "quotes", "direct", "wording"],
    ),
    CitedSource: obj(
      { name: str, actorId: str, kind: speakerKind, cues: arr(str), citing: arr(str), wording: wordings },
      ["name", "kind", "cues", "wording"],
    ),
    SelectedPassage: obj({
      ...span,
      articleId: str,
      outlet: str,
      sentence: int,
      score: unit,
      cues: arr({ enum: ["exclusive", "speculation", "one-sided", "background"] }),
      nearest: unit,
    }),
    OutletSourcing: obj(
      {
        articleId: str,
        outlet: str,
        copyGroup: str,
        speakers: arr(ref("QuotedSpeaker")),
        quoteShare: shares(speakerKind),
        citations: arr(ref("CitedSource")),
      },
      ["articleId", "outlet", "speakers", "quoteShare", "citations"],
    ),
    OutletFraming: obj(
      {
        articleId: str,
        outlet: str,
        labels: arr(
          obj({ actor: str, actorId: str, label: str, category: str, count, wording: wordings }, [
            "actor",
            "label",
            "category",
            "count",
            "wording",
          ]),
        ),
        loadedWords: arr(obj({ entry: str, category: str, count, wording: wordings })),
        headline: obj({ text: str, score: unit, drivers: arr(ref("LoadDriver")) }),
        bodyScore: unit,
        loadedShare: unit,
        mostLoaded: arr(ref("SentenceLoad")),
      },
      ["articleId", "outlet", "labels", "loadedWords", "bodyScore", "loadedShare", "mostLoaded"],
    ),
    Comparison: obj(
      {
        outlets: arr(str),
        facts: arr(ref("Fact")),
        selected: arr(ref("SelectedPassage")),
        sourcing: arr(ref("OutletSourcing")),
        framing: arr(ref("OutletFraming")),
      },
      ["outlets", "facts"],
    ),
    OutletProfile: obj({
      outlet: str,
      articles: count,
      stories: count,
      comparedStories: count,
      quoteShare: shares(speakerKind),
      topSpeakers: arr(
        obj({ name: str, actorId: str, kind: speakerKind, quotes: count, stories: count }, [
          "name",
          "kind",
          "quotes",
          "stories",
        ]),
      ),
      topCitations: arr(
        obj({ name: str, actorId: str, kind: speakerKind, articles: count }, ["name", "kind", "articles"]),
      ),
      labels: arr(
        obj({ actor: str, actorId: str, label: str, category: str, count }, [
          "actor",
          "label",
          "category",
          "count",
        ]),
      ),
      loadedCategories: counts,
      meanLoad: unit,
      factsTold: count,
      onlyFacts: count,
      conflictFacts: count,
      omittedFacts: count,
      onlyRate: unit,
      conflictRate: unit,
      omissionRate: unit,
    }),
    Story: obj(
      {
        id: str,
        title: str,
        articleIds: arr(str),
        firstPublished: str,
        lastPublished: str,
        eventIds: arr(str),
        comparison: ref("Comparison"),
      },
      ["id", "title", "articleIds"],
    ),
  },
};

export { schema };

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { writeFileSync } = await import("node:fs");
  const target = new URL("../schema/parallax-output.schema.json", import.meta.url);
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${target.pathname}`);
}
