// CIDR blocks, IPv4 and IPv6: parsing, canonical form and containment, all from ipaddr.js (the address library
// Express relies on), so no address arithmetic is written here.
import * as ipaddr from "ipaddr.js";

/** A CIDR block as AWS writes it: network address (host bits zero) in canonical form, then the prefix length. */
export interface Cidr {
    version: 4 | 6;
    prefix: number;
    /** e.g. "10.0.0.0/16", "2600:1f18:abcd::/56" (RFC 5952 for IPv6). */
    canonical: string;
    /** Whether the text given was already `canonical`. */
    isCanonical: boolean;
}

/** Parses "address/prefix"; `undefined` when the text is not a CIDR block (IPv4 must be four plain decimals). */
export function parseCidr(text: unknown): Cidr | undefined {
    if (typeof text !== "string" || !/^[0-9A-Fa-f:.]+\/\d{1,3}$/.test(text)) return undefined;
    let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
    try {
        parsed = ipaddr.parseCIDR(text);
    } catch {
        return undefined;
    }
    const [address, prefix] = parsed;
    if (address.kind() === "ipv4") {
        // ipaddr.js also takes octal and hexadecimal parts (010.0.0.0); AWS takes decimals only.
        if (!ipaddr.IPv4.isValidFourPartDecimal(text.split("/")[0])) return undefined;
        const canonical = `${ipaddr.IPv4.networkAddressFromCIDR(text).toString()}/${prefix}`;
        return { version: 4, prefix, canonical, isCanonical: canonical === text };
    }
    const canonical = `${ipaddr.IPv6.networkAddressFromCIDR(text).toRFC5952String()}/${prefix}`;
    return { version: 6, prefix, canonical, isCanonical: canonical === text };
}

/** Does `outer` contain every address of `inner`? Both must parse, and be of one IP version. */
export function cidrContains(outer: string, inner: string): boolean {
    const o = ipaddr.parseCIDR(outer);
    const i = ipaddr.parseCIDR(inner);
    return o[0].kind() === i[0].kind() && o[1] <= i[1] && i[0].match(o);
}

/** Do two blocks of one IP version share an address? */
export function cidrsOverlap(a: string, b: string): boolean {
    return cidrContains(a, b) || cidrContains(b, a);
}
