import { describe, expect, it } from "vitest";
import { addressKind, addressRule, checkLiteralHost, isPublicAddress, literalAddress } from "./address.js";
import { FetchFailure } from "./types.js";

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8", true],
    ["93.184.216.34", true],
    ["2606:4700::1111", true],
    ["::ffff:8.8.8.8", true],
    ["127.0.0.1", false],
    ["10.0.0.1", false],
    ["172.16.5.4", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["169.254.10.1", false],
    ["100.64.0.1", false],
    ["100.100.100.200", false],
    ["0.0.0.0", false],
    ["224.0.0.1", false],
    ["255.255.255.255", false],
    ["240.0.0.1", false],
    ["::1", false],
    ["::", false],
    ["fe80::1", false],
    ["fc00::1", false],
    ["fd00:ec2::254", false],
    ["::ffff:10.0.0.1", false],
    ["::ffff:127.0.0.1", false],
    ["64:ff9b::a00:1", false],
    ["2002:a00:1::", false],
    ["not-an-ip", false],
  ])("%s -> %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("addressKind", () => {
  it("names metadata endpoints and ranges", () => {
    expect(addressKind("169.254.169.254")).toBe("a cloud metadata address");
    expect(addressKind("fd00:ec2::254")).toBe("a cloud metadata address");
    expect(addressKind("100.100.100.200")).toBe("a cloud metadata address");
    expect(addressKind("10.1.2.3")).toBe("a private address");
    expect(addressKind("::ffff:192.168.0.1")).toBe("a private address");
    expect(addressKind("fe80::1")).toBe("a link-local address");
  });
});

describe("checkLiteralHost", () => {
  const strict = addressRule({ allowPrivate: false });
  it("refuses literal private IPs, bracketed IPv6 and numeric IPv4 forms", () => {
    for (const href of ["http://10.0.0.1/", "http://[::1]:8080/", "http://0x7f.1/", "http://2130706433/"]) {
      expect(() => checkLiteralHost(new URL(href), strict)).toThrow(FetchFailure);
    }
    expect(() => checkLiteralHost(new URL("http://8.8.8.8/"), strict)).not.toThrow();
    expect(() => checkLiteralHost(new URL("http://news.example/"), strict)).not.toThrow();
  });
  it("lets allowPrivate and an injected rule decide", () => {
    expect(() =>
      checkLiteralHost(new URL("http://10.0.0.1/"), addressRule({ allowPrivate: true })),
    ).not.toThrow();
    const loopback = addressRule({ allowPrivate: false, addressAllowed: (a) => a === "127.0.0.1" });
    expect(() => checkLiteralHost(new URL("http://127.0.0.1/"), loopback)).not.toThrow();
    expect(() => checkLiteralHost(new URL("http://169.254.169.254/"), loopback)).toThrow(/metadata/);
  });
  it("reads literal hosts", () => {
    expect(literalAddress("[2001:db8::1]")).toEqual({ address: "2001:db8::1", family: 6 });
    expect(literalAddress("example.org")).toBeUndefined();
  });
});
