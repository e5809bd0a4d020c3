import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { FetchFailure } from "./types.js";

/** Decides whether the fetcher may connect to one resolved address. */
export type AddressRule = (address: string, family: 4 | 6) => boolean;

/**
 * Cloud instance metadata endpoints (AWS/GCP/Azure/OpenStack, AWS over IPv6, Alibaba): the
 * classic server-side request forgery target, named in the refusal so the user sees why.
 */
export const METADATA_ADDRESSES: readonly string[] = ["169.254.169.254", "fd00:ec2::254", "100.100.100.200"];

/** ipaddr.js range names, as a reader would say them. */
const RANGE_WORDS: Readonly<Record<string, string>> = {
  private: "private",
  loopback: "loopback",
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
  uniqueLocal: "unique-local",
  unspecified: "unspecified",
  multicast: "multicast",
  broadcast: "broadcast",
  reserved: "reserved",
  rfc6052: "NAT64 (may embed a private IPv4)",
  rfc6145: "IPv4-translated (may embed a private IPv4)",
  "6to4": "6to4 (may embed a private IPv4)",
  teredo: "Teredo (may embed a private IPv4)",
};

/**
 * The default rule: only globally routable unicast. IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged
 * as the IPv4 it carries; IPv6 transition ranges that can tunnel to a private IPv4 are refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (METADATA_ADDRESSES.includes(parsed.toString())) return false;
  return parsed.range() === "unicast";
}

/** What kind of address this is, for a refusal: "a private address", "a cloud metadata address". */
export function addressKind(address: string): string {
  if (!ipaddr.isValid(address)) return "not an IP address";
  const parsed = ipaddr.process(address);
  if (METADATA_ADDRESSES.includes(parsed.toString())) return "a cloud metadata address";
  const word = RANGE_WORDS[parsed.range()];
  return word ? `a ${word} address` : "an address outside the allowed rule";
}

/** The address as ipaddr.js writes it, IPv4-mapped IPv6 shown as its IPv4. */
function shown(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
}

/** The rule a fetcher applies: the injected one, everything (allowPrivate), or public addresses only. */
export function addressRule(settings: { allowPrivate: boolean; addressAllowed?: AddressRule }): AddressRule {
  if (settings.addressAllowed) return settings.addressAllowed;
  if (settings.allowPrivate) return () => true;
  return (address) => isPublicAddress(address);
}

const PRIVATE_HINT = "(--allow-private lifts this)";

/** A URL's host when it is an IP literal ("[::1]" -> "::1"), else undefined. */
export function literalAddress(hostname: string): { address: string; family: 4 | 6 } | undefined {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  const family = isIP(bare);
  return family === 4 || family === 6 ? { address: bare, family } : undefined;
}

/**
 * Refuses a URL whose host is a literal IP outside the rule. Node does not call `lookup` for
 * literal IPs, so this check is the only one that sees them, and it runs before connecting.
 */
export function checkLiteralHost(url: URL, rule: AddressRule): void {
  const literal = literalAddress(url.hostname);
  if (literal && !rule(literal.address, literal.family))
    throw new FetchFailure(
      "fetch/blocked-address",
      `refused ${url.href}: ${shown(literal.address)} is ${addressKind(literal.address)} ${PRIVATE_HINT}`,
    );
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** The `lookup` option of node:http(s): resolves every address and refuses if ANY is outside the rule. */
export type GuardedLookup = (
  hostname: string,
  options: { all?: boolean; family?: number | string },
  callback: LookupCallback,
) => void;

/**
 * A DNS lookup that checks all the addresses a name resolves to before the socket connects, so a
 * name pointing at 10.0.0.1 (or rebinding between two answers) is refused before a byte is sent.
 */
export function guardedLookup(rule: AddressRule): GuardedLookup {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const refused = addresses.find((a) => !rule(a.address, a.family === 6 ? 6 : 4));
      if (refused) {
        const why = `${hostname} resolves to ${shown(refused.address)}, ${addressKind(refused.address)} ${PRIVATE_HINT}`;
        return callback(new FetchFailure("fetch/blocked-address", why), []);
      }
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
      if (options.all) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}
