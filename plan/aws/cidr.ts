// CIDR arithmetic for the model (EC2 keeps VPC and subnet blocks, and security group sources), from ipaddr.js.
import * as ipaddr from "ipaddr.js";

export interface Cidr {
    version: 4 | 6;
    prefix: number;
    /** The block with its host bits cleared, as EC2 stores it. */
    network: string;
}

export function parseCidr(text: unknown): Cidr | undefined {
    if (typeof text !== "string" || !ipaddr.isValidCIDR(text)) return undefined;
    const [address, prefix] = ipaddr.parseCIDR(text);
    const version = address.kind() === "ipv4" ? 4 : 6;
    const network = version === 4 ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
    return { version, prefix, network: `${network.toString()}/${prefix}` };
}

/** Whether `inner` lies within `outer` (same IP version). */
export function contains(outer: string, inner: string): boolean {
    const o = parseCidr(outer);
    const i = parseCidr(inner);
    if (!o || !i || o.version !== i.version || i.prefix < o.prefix) return false;
    return ipaddr.parse(i.network.split("/")[0]).match(ipaddr.parseCIDR(o.network));
}

export function overlaps(a: string, b: string): boolean {
    return contains(a, b) || contains(b, a);
}

/** The address `offset` places into a block (IPv4 or IPv6), e.g. the 5th address of 10.0.1.0/24 is 10.0.1.4. */
export function addressAt(block: string, offset: bigint): string {
    const c = parseCidr(block)!;
    const bytes = ipaddr.parse(c.network.split("/")[0]).toByteArray();
    let n = bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n) + offset;
    const out = new Array<number>(bytes.length);
    for (let i = bytes.length - 1; i >= 0; i--, n >>= 8n) out[i] = Number(n & 0xffn);
    return ipaddr.fromByteArray(out).toString();
}
