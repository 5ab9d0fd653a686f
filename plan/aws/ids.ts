// Identifiers in AWS's formats: EC2 ids are a prefix and 17 lowercase hexadecimal characters (EC2 User Guide, "Resource
// IDs"); App Runner ids are 32 lowercase hexadecimal characters (every example in the App Runner API reference).
// Generated deterministically from a seed, so a test run is repeatable.
import { createHash } from "node:crypto";

export function hex(seed: string, length: number): string {
    let out = "";
    for (let i = 0; out.length < length; i++) out += createHash("sha256").update(`${seed}#${i}`).digest("hex");
    return out.slice(0, length);
}

export const ec2Id = (prefix: string, seed: string) => `${prefix}-${hex(seed, 17)}`;

/** `psbqam834h`: the label of an App Runner domain name (App Runner API reference examples). */
export function domainLabel(seed: string): string {
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    const h = createHash("sha256").update(seed).digest();
    return Array.from(h.subarray(0, 10), (b) => alphabet[b % alphabet.length]).join("");
}

/**
 * An Availability Zone's id: the region's short code and a number, e.g. us-east-1a → use1-az1, eu-west-1b → euw1-az2.
 * (AWS maps zone letters to ids per account; this model maps them in letter order.)
 */
export function zoneId(zone: string): string {
    const region = zone.slice(0, -1);
    const [geo, ...rest] = region.split("-");
    const number = rest.pop();
    const directions = rest.map((w) =>
        w.replace(/^(north|south)(east|west)$/, (_, a, b) => a[0] + b[0]).replace(/^(north|south|east|west|central|gov)$/, (w2) => w2[0]),
    );
    return `${geo}${directions.join("")}${number}-az${zone.charCodeAt(zone.length - 1) - 96}`;
}
