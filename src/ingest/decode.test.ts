import { describe, expect, it } from "vitest";
import { looksBinary } from "./binary.js";
import {
  brokenUtf8Share,
  charsetFromContentType,
  charsetFromMeta,
  decodeBytes,
  sniffUtf16,
  UTF8_MAX_BROKEN_SHARE,
} from "./decode.js";
import {
  ARABIC_MIN_UPPER_SHARE,
  charsetFromCounts,
  MIN_LETTER_BYTES,
  NON_LATIN_MIN_SHARE,
} from "./sniff-charset.js";

/** Encodes text in a single-byte charset through the charset's table of 256 byte values. */
function encode(text: string, charset: string): Uint8Array {
  const decoder = new TextDecoder(charset);
  const byteOf = new Map<string, number>();
  for (let b = 255; b >= 0; b--) byteOf.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((c) => byteOf.get(c) ?? 0x3f));
}

const ascii = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const raw = { markup: false, fallbackCharset: "windows-1252" };
const html = { markup: true, fallbackCharset: "windows-1252" };

const ARABIC =
  "أعلنت اللجنة العليا للانتخابات يوم الأحد نتائج الانتخابات البرلمانية، وقالت المحكمة الدستورية إن الطعون " +
  "المقدمة مرفوضة. وضرب زلزال بقوة ست درجات المنطقة الشمالية صباح اليوم.";
const RUSSIAN =
  "Центральная избирательная комиссия в воскресенье объявила итоги парламентских выборов. Верховный суд " +
  "отклонил жалобу оппозиции. Землетрясение магнитудой шесть баллов произошло утром у побережья.";
const FRENCH =
  "La Cour de cassation a rejeté mardi le pourvoi déposé après l'élection; un séisme a frappé la région à l'aube.";

describe("decodeBytes: declared charsets", () => {
  it("honours a UTF-8 BOM and strips it", () => {
    const d = decodeBytes(concat(Uint8Array.of(0xef, 0xbb, 0xbf), ascii("Élection".normalize())), raw);
    expect(d.encoding).toEqual({ value: "utf-8", source: "bom" });
    expect(d.text.startsWith("\uFEFF")).toBe(false);
  });

  it("decodes UTF-16 LE and BE with a BOM", () => {
    const le = Uint8Array.from([
      0xff,
      0xfe,
      ...[..."Вы"].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8]),
    ]);
    const be = Uint8Array.from([
      0xfe,
      0xff,
      ...[..."Вы"].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255]),
    ]);
    expect(decodeBytes(le, raw)).toMatchObject({
      text: "Вы",
      encoding: { value: "utf-16le", source: "bom" },
    });
    expect(decodeBytes(be, raw)).toMatchObject({
      text: "Вы",
      encoding: { value: "utf-16be", source: "bom" },
    });
  });

  it("recognises UTF-16 LE without a BOM by its NUL pattern", () => {
    const bytes = Uint8Array.from([..."Court ruling today"].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(sniffUtf16(bytes)).toBe("utf-16le");
    expect(decodeBytes(bytes, raw)).toMatchObject({
      text: "Court ruling today",
      encoding: { source: "sniff:utf-16-nul-pattern" },
    });
  });

  it("takes the charset of the content type", () => {
    expect(charsetFromContentType('text/html; charset="Windows-1256"')).toBe("Windows-1256");
    const d = decodeBytes(encode(ARABIC, "windows-1256"), {
      ...raw,
      contentType: "text/plain; charset=cp1256",
    });
    expect(d.encoding).toEqual({ value: "windows-1256", source: "content-type" });
    expect(d.text).toBe(ARABIC);
  });

  it("reads <meta charset> and <meta http-equiv> in the first bytes of HTML", () => {
    expect(charsetFromMeta(ascii('<html><head><meta charset="windows-1251">'))).toBe("windows-1251");
    expect(
      charsetFromMeta(ascii('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')),
    ).toBe("windows-1256");
    const page = concat(
      ascii('<html><head><meta charset="koi8-r"></head><body><p>'),
      encode("Выборы", "koi8-r"),
    );
    const d = decodeBytes(page, html);
    expect(d.encoding).toEqual({ value: "koi8-r", source: "meta" });
    expect(d.text).toContain("<p>Выборы");
  });

  it("ignores a <meta> charset past the prescan window, and in non-markup text", () => {
    const late = concat(
      ascii(`<html>${" ".repeat(1100)}<meta charset="windows-1251">`),
      encode(RUSSIAN, "windows-1251"),
    );
    expect(charsetFromMeta(late)).toBeUndefined();
    const text = concat(ascii('<meta charset="koi8-r"> '), encode(RUSSIAN, "windows-1251"));
    expect(decodeBytes(text, raw).encoding.source).toBe("sniff:byte-frequency");
  });

  it("reports an unknown declared label and goes on", () => {
    const d = decodeBytes(ascii("Election day"), { ...raw, contentType: "text/plain; charset=x-klingon" });
    expect(d.unknownLabels).toEqual(["x-klingon"]);
    expect(d.encoding).toEqual({ value: "utf-8", source: "valid-utf-8" });
  });

  it("reads a meta that claims UTF-16 as UTF-8, as browsers do", () => {
    const d = decodeBytes(ascii('<meta charset="utf-16"><p>Hi</p>'), html);
    expect(d.encoding).toEqual({ value: "utf-8", source: "meta" });
  });
});

describe("decodeBytes: undeclared charsets", () => {
  it("takes valid UTF-8 as UTF-8", () => {
    const d = decodeBytes(new TextEncoder().encode(ARABIC), raw);
    expect(d).toMatchObject({ text: ARABIC, encoding: { value: "utf-8", source: "valid-utf-8" } });
  });

  it("sniffs a windows-1256 Arabic page without a declaration", () => {
    const page = concat(
      ascii('<html><head><script>var x = "tracking code";</script></head><body><p>'),
      encode(ARABIC, "windows-1256"),
      ascii("</p></body></html>"),
    );
    const d = decodeBytes(page, html);
    expect(d.encoding).toEqual({ value: "windows-1256", source: "sniff:byte-frequency" });
    expect(d.text).toContain(ARABIC);
  });

  it("sniffs a windows-1251 Russian page without a declaration", () => {
    const page = concat(
      ascii('<html><body class="article main"><h1>'),
      encode(RUSSIAN, "windows-1251"),
      ascii("</h1></body></html>"),
    );
    const d = decodeBytes(page, html);
    expect(d.encoding).toEqual({ value: "windows-1251", source: "sniff:byte-frequency" });
    expect(d.text).toContain(RUSSIAN);
  });

  it("sniffs windows-1252 for Western text with accents", () => {
    const d = decodeBytes(encode(FRENCH, "windows-1252"), raw);
    expect(d).toMatchObject({
      text: FRENCH,
      encoding: { value: "windows-1252", source: "sniff:byte-frequency" },
    });
  });

  it("decodes literal byte arrays: سلام in windows-1256 and Привет in windows-1251", () => {
    const salam = Uint8Array.of(0xd3, 0xe1, 0xc7, 0xe3, 0x20, 0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3);
    const privet = Uint8Array.of(0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0);
    expect(decodeBytes(salam, raw).text).toBe("سلام السلام");
    expect(decodeBytes(privet, raw).text).toBe("Привет мир");
  });

  it("falls back when too few letters tell", () => {
    const d = decodeBytes(Uint8Array.of(0x31, 0x32, 0xb0), { ...raw, fallbackCharset: "windows-1251" });
    expect(d.encoding).toEqual({ value: "windows-1251", source: "fallback" });
  });
});

describe("charsetFromCounts thresholds", () => {
  it("switches from Latin to non-Latin at NON_LATIN_MIN_SHARE", () => {
    const total = 1000;
    const atShare = (share: number) => ({ ascii: total * (1 - share), upper: 0, lower: total * share });
    expect(charsetFromCounts(atShare(NON_LATIN_MIN_SHARE - 0.01))).toBe("windows-1252");
    expect(charsetFromCounts(atShare(NON_LATIN_MIN_SHARE))).toBe("windows-1251");
  });

  it("switches from Cyrillic to Arabic at ARABIC_MIN_UPPER_SHARE", () => {
    const atShare = (share: number) => ({ ascii: 0, upper: 1000 * share, lower: 1000 * (1 - share) });
    expect(charsetFromCounts(atShare(ARABIC_MIN_UPPER_SHARE - 0.01))).toBe("windows-1251");
    expect(charsetFromCounts(atShare(ARABIC_MIN_UPPER_SHARE))).toBe("windows-1256");
  });

  it("gives up below MIN_LETTER_BYTES", () => {
    expect(charsetFromCounts({ ascii: 0, upper: 0, lower: MIN_LETTER_BYTES - 1 })).toBeUndefined();
    expect(charsetFromCounts({ ascii: 0, upper: 0, lower: MIN_LETTER_BYTES })).toBe("windows-1251");
  });
});

describe("looksBinary", () => {
  it("flags NUL bytes and many control bytes, not text", () => {
    expect(looksBinary(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00))).toBe(true);
    expect(looksBinary(concat(ascii("abcdefghijklmnopqrs"), Uint8Array.of(1, 2)))).toBe(true);
    expect(looksBinary(concat(ascii("a".repeat(100)), Uint8Array.of(1)))).toBe(false);
    expect(looksBinary(ascii("Line one\r\n\tLine two\f"))).toBe(false);
    expect(looksBinary(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toBe(false);
  });
});

const GREEK = "Το Ανώτατο Δικαστήριο απέρριψε την προσφυγή μετά τις εκλογές της Κυριακής.";
const POLISH =
  "Sąd Najwyższy odrzucił skargę; trzęsienie ziemi o sile sześciu stopni nawiedziło północ kraju.";
const GERMAN = "Das Verfassungsgericht wies die Beschwerde zurück; ein Erdbeben erschütterte früh den Süden.";

describe("decodeBytes: ISO-8859 labels", () => {
  it.each([
    ["iso-8859-1", FRENCH, "windows-1252"], // WHATWG reads latin-1 as windows-1252
    ["iso-8859-2", POLISH, "iso-8859-2"],
    ["iso-8859-5", RUSSIAN, "iso-8859-5"],
    ["iso-8859-6", ARABIC.replace(/[أ]/g, "ا"), "iso-8859-6"],
    ["iso-8859-7", GREEK, "iso-8859-7"],
    ["iso-8859-9", GERMAN, "windows-1254"], // WHATWG: latin-5 is windows-1254
    ["iso-8859-15", GERMAN, "iso-8859-15"],
  ])("decodes a page declared %s", (label, text, charset) => {
    const page = concat(ascii(`<meta charset="${label}"><p>`), encode(text, charset), ascii("</p>"));
    const d = decodeBytes(page, html);
    expect(d.encoding).toEqual({ value: charset, source: "meta" });
    expect(d.text).toContain(text);
    expect(d.overruled).toBeUndefined();
  });
});

describe("decodeBytes: mislabelled pages", () => {
  it("sniffs a page that says UTF-8 but is windows-1256, and says so", () => {
    const page = concat(ascii('<meta charset="utf-8"><p>'), encode(ARABIC, "windows-1256"), ascii("</p>"));
    const d = decodeBytes(page, html);
    expect(d.encoding).toEqual({ value: "windows-1256", source: "sniff:byte-frequency" });
    expect(d.text).toContain(ARABIC);
    expect(d.overruled).toMatchObject({ label: "utf-8", source: "meta" });
  });

  it("sniffs a page whose HTTP header says UTF-8 but is windows-1251", () => {
    const d = decodeBytes(encode(RUSSIAN, "windows-1251"), {
      ...raw,
      contentType: "text/plain; charset=UTF-8",
    });
    expect(d.encoding.value).toBe("windows-1251");
    expect(d.text).toBe(RUSSIAN);
    expect(d.overruled?.source).toBe("content-type");
  });

  it("reads UTF-8 bytes under an iso-8859-1 label as UTF-8", () => {
    const page = concat(ascii('<meta charset="iso-8859-1"><p>'), ascii(POLISH), ascii("</p>"));
    const d = decodeBytes(page, html);
    expect(d.encoding).toEqual({ value: "utf-8", source: "valid-utf-8:overrules-declared" });
    expect(d.text).toContain(POLISH);
  });

  it("keeps a declared UTF-8 with one stray byte (a typo, not a mislabel)", () => {
    const page = concat(ascii('<meta charset="utf-8"><p>'), ascii(GREEK), Uint8Array.of(0xe9), ascii("</p>"));
    const d = decodeBytes(page, html);
    expect(d.encoding).toEqual({ value: "utf-8", source: "meta" });
    expect(d.text).toContain(GREEK);
    expect(brokenUtf8Share(page)).toBeLessThanOrEqual(UTF8_MAX_BROKEN_SHARE);
  });

  it("keeps a declared windows-1252 page that is pure ASCII or real windows-1252", () => {
    const d = decodeBytes(
      concat(ascii('<meta charset="windows-1252">'), encode(GERMAN, "windows-1252")),
      html,
    );
    expect(d.encoding).toEqual({ value: "windows-1252", source: "meta" });
    expect(d.text).toContain(GERMAN);
  });
});
