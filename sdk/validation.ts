// Pure validators for the components' arguments. Each returns the problems it finds as complete messages
// (argument in backticks, the rule, what it got, the fix); an empty list means valid. The components call them on
// values known at construction and again on values that resolve later, so one text serves both paths. Every
// validator takes `secret`: a secret input is never echoed, nor anything derived from it; `[secret]` stands in.
import {
    APP_RUNNER_REGIONS,
    CONNECTION_NAME_MAX,
    CONNECTION_NAME_MIN,
    CONNECTION_NAME_PATTERN,
    EC2_ID_PREFIXES,
    Ec2IdKind,
    IpAddressType,
    MAX_ARN_LENGTH,
    TAG_LIMITS,
    characters,
    isAppRunnerRegion,
    isEc2Id,
    parseConnectionArn,
    parseServiceArn,
} from "./aws";
import { parseCidr } from "./cidr";

/** What a message shows instead of a secret value. */
export const SECRET = "[secret]";

/**
 * How many characters of a value a message echoes. The rest is counted, not shown, so a 1 MB argument gives a
 * message of a few hundred characters, not one of 1 MB that the CLI then prints more than once.
 */
export const ECHO_LIMIT = 200;

/** The first `ECHO_LIMIT` characters of a text, never half of a UTF-16 surrogate pair. */
function head(text: string): string {
    const end = /[\uD800-\uDBFF]/.test(text[ECHO_LIMIT - 1]) ? ECHO_LIMIT - 1 : ECHO_LIMIT;
    return text.slice(0, end);
}

/** What a cut echo adds: how long the whole was, and how much of it is not shown. */
const cutNote = (length: number, shown: number, of = "") => ` (${length} characters${of}, ${length - shown} not shown)`;

/**
 * How a value is echoed in a message: strings quoted, everything else as JSON; a secret never. Beyond `ECHO_LIMIT`
 * characters it is cut, e.g. `"aaaa…" (1048576 characters, 1048376 not shown)`: a string's characters are counted,
 * for any other value those of its JSON.
 */
export function show(value: unknown, secret = false): string {
    if (secret) return SECRET;
    if (value === undefined) return "undefined";
    if (typeof value === "string") {
        if (value.length <= ECHO_LIMIT) return JSON.stringify(value);
        const shown = head(value);
        return `${JSON.stringify(shown).slice(0, -1)}…"${cutNote(value.length, shown.length)}`;
    }
    const json = JSON.stringify(value) ?? String(value);
    if (json.length <= ECHO_LIMIT) return json;
    const shown = head(json);
    return `${shown}…${cutNote(json.length, shown.length, " of JSON")}`;
}

/** The same, for a value echoed unquoted inside a sentence (ids, zones, regions, an error's text). */
export function bare(value: string, secret = false): string {
    if (secret) return SECRET;
    if (value.length <= ECHO_LIMIT) return value;
    const shown = head(value);
    return `${shown}…${cutNote(value.length, shown.length)}`;
}

const ENDPOINT_CHOICE = "Pass `subnetIds` to create a new App Runner interface endpoint, or `vpcEndpointId` to reuse an existing one.";

/** The arguments that configure a new endpoint, and so cannot come with `vpcEndpointId`. */
export const NEW_ENDPOINT_ARGS = ["securityGroupIds", "allowedCidrBlocks", "allowedSecurityGroupIds", "ipAddressType"] as const;

/**
 * `subnetIds` xor `vpcEndpointId`, and the arguments that only make sense for a new endpoint, or for an endpoint this
 * component manages (the adoption arguments).
 */
export function validateEndpointChoice(
    given: Record<"subnetIds" | "vpcEndpointId" | (typeof NEW_ENDPOINT_ARGS)[number], boolean> & {
        adoptVpcEndpointId?: boolean;
        adoptSecurityGroupId?: boolean;
    },
): string[] {
    const problems: string[] = [];
    if (given.subnetIds && given.vpcEndpointId) {
        problems.push(`Only one of \`subnetIds\` or \`vpcEndpointId\` can be provided. ${ENDPOINT_CHOICE}`);
    } else if (!given.subnetIds && !given.vpcEndpointId) {
        problems.push(`Either \`subnetIds\` or \`vpcEndpointId\` must be provided. ${ENDPOINT_CHOICE}`);
    }
    for (const arg of NEW_ENDPOINT_ARGS) {
        if (given[arg] && given.vpcEndpointId) {
            problems.push(
                `\`${arg}\` applies only to a new endpoint and cannot be combined with \`vpcEndpointId\`. ` +
                    `Configure the endpoint that \`vpcEndpointId\` names, or pass \`subnetIds\` instead of \`vpcEndpointId\`.`,
            );
        }
    }
    const adopts = {
        adoptVpcEndpointId: "an endpoint for this component to manage",
        adoptSecurityGroupId: "the security group of an endpoint this component manages",
    };
    for (const [arg, what] of Object.entries(adopts) as [keyof typeof adopts, string][]) {
        if (given[arg] && given.vpcEndpointId) {
            problems.push(
                `\`${arg}\` adopts ${what} (with \`subnetIds\`) and cannot be combined with \`vpcEndpointId\`, which reuses an endpoint managed ` +
                    `elsewhere. Adopt it where that endpoint is managed (e.g. an InterfaceEndpoint's \`${arg}\`), or pass \`subnetIds\` instead of \`vpcEndpointId\`.`,
            );
        }
    }
    problems.push(...validateSecurityGroupChoice(given));
    return problems;
}

const REQUIRED_FIX: Record<"serviceArn" | "vpcId" | "subnetIds", string> = {
    serviceArn: "Pass the ARN of the App Runner service to make private, e.g. `service.arn`.",
    vpcId: "Pass the id of the VPC the endpoint is in, e.g. `vpc.id`.",
    subnetIds: "List one subnet in each Availability Zone the endpoint should serve (two or more advised).",
};

/**
 * `securityGroupIds` replaces the security group the component would create, so the arguments that configure that
 * group cannot come with it.
 */
export function validateSecurityGroupChoice(
    given: Record<"securityGroupIds" | "allowedCidrBlocks" | "allowedSecurityGroupIds", boolean>,
): string[] {
    if (!given.securityGroupIds) return [];
    return (["allowedCidrBlocks", "allowedSecurityGroupIds"] as const)
        .filter((arg) => given[arg])
        .map(
            (arg) =>
                `Only one of \`securityGroupIds\` or \`${arg}\` can be provided. \`${arg}\` configures the security group the ` +
                "component creates when `securityGroupIds` is omitted; add the rules to your own groups instead.",
        );
}

/** A required argument that is missing or empty. */
export function validateRequired(arg: keyof typeof REQUIRED_FIX, value: unknown, secret = false): string[] {
    return value === undefined || value === null || value === ""
        ? [`\`${arg}\` is required, got: ${show(value, secret)}. ${REQUIRED_FIX[arg]}`]
        : [];
}

/** Whether a value looks like an App Runner Service resource rather than its ARN (a common mistake). */
function isServiceResource(value: unknown): boolean {
    return typeof value === "object" && value !== null && "serviceUrl" in value && "arn" in value;
}

/** An App Runner service ARN, in a region where App Runner exists. */
export function validateServiceArn(value: unknown, secret = false): string[] {
    const parts = typeof value === "string" ? parseServiceArn(value) : undefined;
    if (!parts) {
        if (isServiceResource(value)) {
            return ["`serviceArn` must be an App Runner service ARN, got: an App Runner Service resource. Pass `service.arn`."];
        }
        return [
            "`serviceArn` must be an App Runner service ARN (arn:aws:apprunner:<region>:<account>:service/<name>/<id>), " +
                `got: ${show(value, secret)}. Pass the service's \`arn\` output, e.g. \`service.arn\`, not its name, id or URL.`,
        ];
    }
    const length = characters(value as string);
    if (length > MAX_ARN_LENGTH) {
        return [
            `\`serviceArn\` must be at most ${MAX_ARN_LENGTH} characters (App Runner's ARNs), got: ${length} characters. Pass the ` +
                "service's `arn` output, e.g. `service.arn`.",
        ];
    }
    if (parts.partition !== "aws") {
        return [
            `\`serviceArn\` must be in the \`aws\` partition, the only one App Runner exists in, got: ${show(value, secret)}` +
                `${secret ? "" : ` in ${parts.partition}`}. Check the ARN: App Runner has no service there.`,
        ];
    }
    if (!isAppRunnerRegion(parts.region)) {
        return [
            `\`serviceArn\` must be in a region where App Runner exists (${APP_RUNNER_REGIONS.join(", ")}), got: ${show(value, secret)}` +
                `${secret ? "" : ` in ${parts.region}`}. Check the ARN: App Runner has no service there.`,
        ];
    }
    return [];
}

/** The AWS provider's region (from `aws:region` or the component's `provider`) must be one where App Runner exists. */
export function validateProviderRegion(region: string): string[] {
    if (isAppRunnerRegion(region)) return [];
    return [
        `The AWS provider's region must be one where App Runner exists (${APP_RUNNER_REGIONS.join(", ")}), got: ${bare(region)}. ` +
            "Set `aws:region` to one of them, or give this component a provider for one (the `provider` option).",
    ];
}

const ID_WORDS: Record<Ec2IdKind, { what: string; fix: string }> = {
    vpc: { what: "a VPC id", fix: "Pass the VPC's `id` output, e.g. `vpc.id`." },
    subnet: { what: "a subnet id", fix: "Pass subnet ids, e.g. `subnet.id`, not names or CIDR blocks." },
    securityGroup: { what: "a security group id", fix: "Pass security group ids, e.g. `securityGroup.id`, not names." },
    vpcEndpoint: {
        what: "a VPC endpoint id",
        fix: "Pass the endpoint's id, e.g. an InterfaceEndpoint's `vpcEndpointId`.",
    },
};

/** One EC2 id; `arg` is how the message names it, e.g. "vpcId" or "subnetIds[1]". */
export function validateEc2Id(arg: string, kind: Ec2IdKind, value: unknown, secret = false): string[] {
    if (typeof value === "string" && isEc2Id(kind, value)) return [];
    const { what, fix } = ID_WORDS[kind];
    return [
        `\`${arg}\` must be ${what} (${EC2_ID_PREFIXES[kind]}- and 8 or 17 hexadecimal characters), got: ${show(value, secret)}. ${fix}`,
    ];
}

/**
 * What to do with an empty list, true for the component it is given to (`reuse`: a PrivateEndpoint, which can reuse an
 * endpoint instead; `withCidrBlocks`: `allowedCidrBlocks` is given too).
 */
function emptyListFix(
    arg: "subnetIds" | "securityGroupIds" | "allowedSecurityGroupIds",
    context: { reuse: boolean; withCidrBlocks: boolean },
): string {
    switch (arg) {
        case "subnetIds":
            return `List one subnet in each Availability Zone the endpoint should serve (two or more advised)${context.reuse ? ", or pass `vpcEndpointId` to reuse an endpoint" : ""}.`;
        case "securityGroupIds":
            return "Omit it to let the component create a security group that allows HTTPS from `allowedCidrBlocks`.";
        case "allowedSecurityGroupIds":
            return context.withCidrBlocks ? "Omit it to allow only `allowedCidrBlocks`." : "Omit it to allow the VPC's own CIDR blocks.";
    }
}

/** A list of EC2 ids: not empty, each well-formed, none repeated. */
export function validateEc2IdList(
    arg: "subnetIds" | "securityGroupIds" | "allowedSecurityGroupIds",
    kind: Ec2IdKind,
    value: unknown,
    secret = false,
    context: { reuse: boolean; withCidrBlocks: boolean } = { reuse: true, withCidrBlocks: false },
): string[] {
    if (!Array.isArray(value)) {
        return [`\`${arg}\` must be a list of ids, got: ${show(value, secret)}. Pass a list, e.g. [a.id, b.id].`];
    }
    if (value.length === 0) {
        return [`\`${arg}\` must list at least one id, got: []. ${emptyListFix(arg, context)}`];
    }
    const problems = value.flatMap((id, i) => validateEc2Id(`${arg}[${i}]`, kind, id, secret));
    const seen = new Set<unknown>();
    for (const id of value) {
        if (seen.has(id)) {
            problems.push(`\`${arg}\` must not repeat an id, got: ${show(id, secret)} twice. Remove the duplicate.`);
        }
        seen.add(id);
    }
    return problems;
}

/** What a subnet lookup tells us, enough to check placement. */
export interface SubnetFacts {
    id: string;
    vpcId: string;
    availabilityZone: string;
    /** "" when the subnet has no IPv6 CIDR block. */
    ipv6CidrBlock: string;
    /** The AWS account that owns the subnet. */
    ownerId: string;
}

/**
 * Subnet placement, once the subnets are looked up: all in `vpcId`, at most one per Availability Zone (EC2
 * rejects a second one), each with an IPv6 block for a dual-stack endpoint. Warnings, not errors: one zone only
 * (AWS advises two or more) and subnets another account owns (shared through AWS RAM, which private ingress does not
 * support, per users' reports: aws/apprunner-roadmap#267).
 */
export function validateSubnetPlacement(
    vpcId: string,
    subnets: SubnetFacts[],
    opts: { ipAddressType?: IpAddressType; accountId?: string; secret?: boolean; service?: { name: string; zones: string[] } } = {},
): { errors: string[]; warnings: string[] } {
    const secret = opts.secret ?? false;
    const id = (s: string) => bare(s, secret);
    const errors: string[] = [];
    const warnings: string[] = [];
    // An interface endpoint service is offered in some of a region's zones only (DescribeVpcEndpointServices'
    // AvailabilityZones); AWS refuses an endpoint in a subnet of another zone.
    const service = opts.service;
    if (service) {
        subnets.forEach((s) => {
            if (!service.zones.includes(s.availabilityZone)) {
                errors.push(
                    `\`subnetIds\` must be in Availability Zones where ${service.name} is offered (${service.zones.join(", ")}), got: ${id(s.id)} in ` +
                        `${s.availabilityZone}. Use a subnet of the VPC in one of those zones.`,
                );
            }
        });
    }
    for (const s of subnets) {
        if (s.vpcId !== vpcId) {
            errors.push(
                `\`subnetIds\` must be subnets of \`vpcId\` (${id(vpcId)}), got: ${id(s.id)} in ${id(s.vpcId)}. ` +
                    `Use subnets of ${id(vpcId)}, or set \`vpcId\` to the subnets' VPC.`,
            );
        }
    }
    const byZone = new Map<string, string[]>();
    for (const s of subnets) byZone.set(s.availabilityZone, [...(byZone.get(s.availabilityZone) ?? []), s.id]);
    for (const [zone, ids] of byZone) {
        if (ids.length > 1) {
            errors.push(
                "`subnetIds` must have at most one subnet per Availability Zone (an interface endpoint takes one subnet per zone), " +
                    `got: ${ids.map(id).join(" and ")} in ${zone}. Keep one subnet per zone.`,
            );
        }
    }
    if (opts.ipAddressType === IpAddressType.Dualstack) {
        for (const s of subnets.filter((x) => !x.ipv6CidrBlock)) {
            errors.push(
                `\`subnetIds\` must all have an IPv6 CIDR block when \`ipAddressType\` is "dualstack", got: ${id(s.id)} without one. ` +
                    'Associate an IPv6 CIDR block with the subnet (and its VPC), or set `ipAddressType` to "ipv4".',
            );
        }
    }
    if (opts.accountId !== undefined) {
        for (const s of subnets.filter((x) => x.ownerId !== opts.accountId)) {
            warnings.push(
                `\`subnetIds\` includes ${id(s.id)}, owned by account ${s.ownerId}, not the deploying account ${opts.accountId}: subnets shared ` +
                    "through AWS RAM are reported not to work for App Runner private endpoints (aws/apprunner-roadmap#267). Use subnets your account owns.",
            );
        }
    }
    if (errors.length === 0 && byZone.size === 1) {
        const [zone] = byZone.keys();
        warnings.push(
            `\`subnetIds\` places the endpoint in one Availability Zone (${zone}): if that zone fails, every service ` +
                "behind the endpoint is unreachable. Add a subnet in a second Availability Zone (AWS advises two or more).",
        );
    }
    return { errors, warnings };
}

/** `allowedSecurityGroupIds`, once looked up: groups of `vpcId` (the rule that admits them lives in that VPC). */
export function validateSecurityGroupPlacement(vpcId: string, groups: { id: string; vpcId: string }[], secret = false): string[] {
    const id = (s: string) => bare(s, secret);
    return groups
        .filter((g) => g.vpcId !== vpcId)
        .map(
            (g) =>
                `\`allowedSecurityGroupIds\` must be security groups of \`vpcId\` (${id(vpcId)}), got: ${id(g.id)} in ${id(g.vpcId)}. ` +
                `Use your clients' security groups in ${id(vpcId)}, or \`allowedCidrBlocks\` for clients elsewhere.`,
        );
}

/** A connection is created in the service's region, which must be the region the AWS provider deploys to. */
export function validateServiceRegion(serviceArn: string, providerRegion: string, secret = false): string[] {
    const region = parseServiceArn(serviceArn)?.region;
    if (region === undefined || region === providerRegion) return [];
    const where = secret ? "in another region" : `in ${region}`;
    return [
        `\`serviceArn\` must be in the AWS provider's region (${providerRegion}), got: ${show(serviceArn, secret)} ${where}. ` +
            `Give this component a provider for ${secret ? "the service's region" : region} (the \`provider\` option), or connect a service in ${providerRegion}.`,
    ];
}

/** `ipAddressType`: "ipv4" or "dualstack". */
export function validateIpAddressType(value: unknown, secret = false): string[] {
    const allowed = Object.values(IpAddressType) as unknown[];
    if (allowed.includes(value)) return [];
    return [
        `\`ipAddressType\` must be "ipv4" or "dualstack", got: ${show(value, secret)}. Omit it for IPv4, or pass "dualstack" ` +
            "for IPv4 and IPv6 (every subnet then needs an IPv6 CIDR block).",
    ];
}

/**
 * One CIDR block in canonical form; `arg` is e.g. "allowedCidrBlocks[0]". IPv6 blocks only for a dual-stack
 * endpoint (`ipAddressType` unknown yet: not judged here); never a block that admits every address.
 */
export function validateCidrBlock(arg: string, value: unknown, ipAddressType: IpAddressType | undefined, secret = false): string[] {
    const cidr = parseCidr(value);
    if (!cidr) {
        return [
            `\`${arg}\` must be a CIDR block such as 10.0.0.0/16 or 2600:1f18:abcd::/56, got: ${show(value, secret)}. ` +
                "Write an address and a prefix length (0 to 32 for IPv4, 0 to 128 for IPv6).",
        ];
    }
    if (cidr.prefix === 0) {
        return [
            `\`${arg}\` must not be ${cidr.version === 4 ? "0.0.0.0/0" : "::/0"} (it admits every address that can route into the VPC, ` +
                `peered VPCs and VPN or Direct Connect sites included), got: ${show(value, secret)}. List your clients' CIDR blocks, or ` +
                "omit `allowedCidrBlocks` to allow the VPC's.",
        ];
    }
    if (!cidr.isCanonical) {
        return [
            `\`${arg}\` must be a network address in canonical form (host bits zero${cidr.version === 6 ? ", RFC 5952 lowercase" : ""}), ` +
                `got: ${show(value, secret)}. Use ${secret ? "the network address" : cidr.canonical}.`,
        ];
    }
    if (cidr.version === 6 && ipAddressType === IpAddressType.Ipv4) {
        return [
            `\`${arg}\` is an IPv6 block, which an IPv4 endpoint cannot be reached from, got: ${show(value, secret)}. ` +
                'Set `ipAddressType` to "dualstack", or remove the IPv6 block.',
        ];
    }
    return [];
}

export function validateCidrBlocks(value: unknown, ipAddressType: IpAddressType | undefined, secret = false, withGroups = false): string[] {
    if (!Array.isArray(value)) {
        return [`\`allowedCidrBlocks\` must be a list of CIDR blocks, got: ${show(value, secret)}. Pass a list, e.g. ["10.0.0.0/16"].`];
    }
    if (value.length === 0) {
        // With client groups, omitting the blocks admits those groups alone, not the VPC's blocks.
        const fix = withGroups ? "Omit it to allow only `allowedSecurityGroupIds`." : "Omit it to allow the VPC's own CIDR blocks.";
        return [`\`allowedCidrBlocks\` must list at least one CIDR block, got: []. ${fix}`];
    }
    return value.flatMap((cidr, i) => validateCidrBlock(`allowedCidrBlocks[${i}]`, cidr, ipAddressType, secret));
}

/** `VpcIngressConnectionName`: 4 to 40 characters, `^[A-Za-z0-9][A-Za-z0-9_-]*$`. */
export function validateConnectionName(value: unknown, secret = false): string[] {
    const omit = "omit it to let AWS name the connection";
    if (typeof value !== "string") {
        return [`\`connectionName\` must be a string, got: ${show(value, secret)}. Pass a name, or ${omit}.`];
    }
    const problems: string[] = [];
    if (value.length < CONNECTION_NAME_MIN || value.length > CONNECTION_NAME_MAX) {
        problems.push(
            `\`connectionName\` must be ${CONNECTION_NAME_MIN} to ${CONNECTION_NAME_MAX} characters, got: ${value.length} characters` +
                `${secret || value.length > ECHO_LIMIT ? "" : ` (${show(value)})`}. Choose a name of that length, or ${omit}.`,
        );
    }
    if (value.length > 0 && !CONNECTION_NAME_PATTERN.test(value)) {
        // A suggestion only when it would be a valid name: one cut from a too-long value would not be.
        const suggestion = value.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "") || "my-connection";
        const fits = suggestion.length >= CONNECTION_NAME_MIN && suggestion.length <= CONNECTION_NAME_MAX;
        problems.push(
            "`connectionName` must start with a letter or digit and contain only letters, digits, hyphens and underscores, " +
                `got: ${show(value, secret)}. ${secret || !fits ? "Rename it." : `Use e.g. ${show(suggestion)}.`}`,
        );
    }
    return problems;
}

/**
 * `connectionName` must not be a secret: the name is part of the connection's id and ARN, and Pulumi keeps ids in the
 * stack's state in clear text (an id cannot be secret), so a secret name would not stay secret.
 */
export function validateConnectionNameNotSecret(secret: boolean): string[] {
    if (!secret) return [];
    return [
        `\`connectionName\` must not be a secret, got: ${SECRET}. The name is part of the connection's id and ARN, which Pulumi ` +
            "keeps in the stack's state in clear text (an id cannot be secret). Pass the name as a plain value, or omit " +
            "`connectionName` to let AWS name the connection.",
    ];
}

/** Tags as EC2 takes them (the endpoint and its group): at most 50, keys 1-127 characters, values up to 256, no `aws:` keys. */
export function validateTags(value: unknown, secret = false): string[] {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return [`\`tags\` must be a map of strings, got: ${show(value, secret)}. Pass e.g. { team: "payments" }.`];
    }
    const entries = Object.entries(value);
    const problems: string[] = [];
    if (entries.length > TAG_LIMITS.maxTags) {
        problems.push(
            `\`tags\` must have at most ${TAG_LIMITS.maxTags} tags (the AWS limit), got: ${entries.length}. ` +
                `Remove ${entries.length - TAG_LIMITS.maxTags}.`,
        );
    }
    for (const [key, tagValue] of entries) {
        const keyLength = characters(key);
        if (keyLength < 1 || keyLength > TAG_LIMITS.maxKeyLength) {
            problems.push(
                `\`tags\` keys must be 1 to ${TAG_LIMITS.maxKeyLength} characters, got: ${keyLength} characters` +
                    `${keyLength > ECHO_LIMIT ? "" : ` (${show(key, secret)})`}. ${keyLength < 1 ? "Name the key." : "Shorten the key."}`,
            );
        }
        if (key.toLowerCase().startsWith(TAG_LIMITS.reservedPrefix)) {
            problems.push(
                `\`tags\` keys must not start with "${TAG_LIMITS.reservedPrefix}" (reserved for AWS), got: ${show(key, secret)}. ` +
                    `Rename the key${secret ? "" : `, e.g. ${show(key.slice(TAG_LIMITS.reservedPrefix.length) || "owner")}`}.`,
            );
        }
        if (tagValue === null || tagValue === undefined) {
            // Refused rather than dropped: a tag the program names but AWS never gets is a silent surprise.
            problems.push(
                `\`tags\` values must be strings, got: ${show(tagValue, secret)} for key ${show(key, secret)}. ` +
                    'Give the tag a value ("" for an empty one), or remove the key.',
            );
        } else if (typeof tagValue !== "string") {
            problems.push(`\`tags\` values must be strings, got: ${show(tagValue, secret)} for key ${show(key, secret)}. Quote the value.`);
        } else if (characters(tagValue) > TAG_LIMITS.maxValueLength) {
            problems.push(
                `\`tags\` values must be at most ${TAG_LIMITS.maxValueLength} characters, got: ${characters(tagValue)} characters for key ${show(key, secret)}. Shorten the value.`,
            );
        }
    }
    return problems;
}

/** AWS allows one VPC ingress connection per service; `owner` is the component that already connects it. */
export function validateServiceNotConnected(serviceArn: string, owner: string | undefined, secret = false): string[] {
    if (owner === undefined) return [];
    return [
        `\`serviceArn\` is already connected by PrivateEndpoint ${show(owner)} in this program, got: ${show(serviceArn, secret)} again. ` +
            "An App Runner service can have only one VPC ingress connection: keep one PrivateEndpoint for it and share its `domainName`.",
    ];
}

// --- Adoption: existing resources brought under a component through Pulumi's `import` option on its children -------

/** The arguments that adopt an existing resource, each naming the child it becomes. */
export const ADOPTION_ARGS = {
    adoptVpcEndpointId: "endpoint",
    adoptSecurityGroupId: "security group",
    adoptConnectionArn: "VPC ingress connection",
} as const;
export type AdoptionArg = keyof typeof ADOPTION_ARGS;

/** Where the adoption section is, for messages that send users there. */
export const ADOPTION_SECTION = 'README.md, "Adopting existing resources"';

/**
 * An adoption argument must be known when the program runs: it becomes the child's `import` option, which takes an
 * id, not an Output (nor a secret: ids are kept in clear text).
 */
export function validateAdoptionKnown(arg: AdoptionArg): string[] {
    return [
        `\`${arg}\` must be a plain string known when the program runs, got: an Output (a value known only later, or a secret). ` +
            "It becomes Pulumi's `import` option on the component's " +
            ADOPTION_ARGS[arg] +
            ", which takes an id, not an Output. " +
            "Pass the id as text, e.g. from stack configuration (not as a secret).",
    ];
}

/** The shape of an adoption argument: a `vpce-` id, an `sg-` id, or a VPC ingress connection ARN. */
export function validateAdoptionId(arg: AdoptionArg, value: unknown): string[] {
    if (arg === "adoptConnectionArn") {
        if (typeof value === "string" && parseConnectionArn(value)) return [];
        return [
            "`adoptConnectionArn` must be a VPC ingress connection ARN (arn:aws:apprunner:<region>:<account>:vpcingressconnection/<name>/<id>), " +
                `got: ${show(value)}. Pass the connection's ARN, e.g. from \`aws apprunner list-vpc-ingress-connections\`.`,
        ];
    }
    const [kind, prefix, command] =
        arg === "adoptVpcEndpointId"
            ? (["vpcEndpoint", "vpce", "aws ec2 describe-vpc-endpoints"] as const)
            : (["securityGroup", "sg", "aws ec2 describe-security-groups"] as const);
    if (typeof value === "string" && isEc2Id(kind, value)) return [];
    return [
        `\`${arg}\` must be ${ID_WORDS[kind].what} (${prefix}- and 8 or 17 hexadecimal characters), got: ${show(value)}. ` +
            `Pass the id of the ${ADOPTION_ARGS[arg]} to adopt, e.g. from \`${command}\`.`,
    ];
}

/**
 * Which arguments can come with an adoption. `securityGroupIds` uses groups without managing them, so it cannot come
 * with a group to manage; InterfaceEndpoint's `adoptFrom` takes over another component's endpoint, so it cannot come
 * with one to import; a connection is adopted as it is, through the endpoint it has.
 */
export function validateAdoptionChoice(given: {
    adoptVpcEndpointId: boolean;
    adoptSecurityGroupId: boolean;
    adoptConnectionArn?: boolean;
    securityGroupIds: boolean;
    subnetIds: boolean;
    adoptFrom?: boolean;
}): string[] {
    const problems: string[] = [];
    if (given.adoptSecurityGroupId && given.securityGroupIds) {
        problems.push(
            "Only one of `securityGroupIds` or `adoptSecurityGroupId` can be provided. `securityGroupIds` uses groups without managing " +
                "them; `adoptSecurityGroupId` brings the one group the component manages under it. Keep the one you mean.",
        );
    }
    for (const arg of ["adoptVpcEndpointId", "adoptSecurityGroupId"] as const) {
        if (given[arg] && given.adoptFrom) {
            problems.push(
                `Only one of \`adoptFrom\` or \`${arg}\` can be provided. \`adoptFrom\` takes over the ${ADOPTION_ARGS[arg]} of a PrivateEndpoint ` +
                    `in this stack; \`${arg}\` imports one made outside Pulumi. Keep the one that matches where the ${ADOPTION_ARGS[arg]} comes from.`,
            );
        }
    }
    if (given.adoptConnectionArn && given.subnetIds && !given.adoptVpcEndpointId) {
        problems.push(
            "`adoptConnectionArn` with `subnetIds` needs `adoptVpcEndpointId`: a connection is adopted as it is, through the endpoint it " +
                "has. Pass `adoptVpcEndpointId` with the connection's endpoint, or `vpcEndpointId` instead of `subnetIds` to connect through " +
                "that endpoint without managing it; once adopted, the connection moves to another endpoint in place.",
        );
    }
    return problems;
}

/** A `connectionName` given with `adoptConnectionArn` must be the name in the ARN: a new name replaces the connection. */
export function validateAdoptedConnectionName(connectionName: unknown, arn: string): string[] {
    const name = parseConnectionArn(arn)?.name;
    if (name === undefined || connectionName === undefined || connectionName === name) return [];
    return [
        `\`connectionName\` must be the adopted connection's name, ${show(name)} (the name in \`adoptConnectionArn\`), got: ${show(connectionName)}. ` +
            `A connection's name cannot change without replacing it. Omit \`connectionName\`, or set it to ${show(name)}.`,
    ];
}

/** The adopted connection must be in the AWS provider's region (Cloud Control reads it there, and the import too). */
export function validateConnectionRegion(arn: string, providerRegion: string): string[] {
    const region = parseConnectionArn(arn)?.region;
    if (region === undefined || region === providerRegion) return [];
    return [
        `\`adoptConnectionArn\` must be in the AWS provider's region (${providerRegion}), got: ${show(arn)} in ${region}. ` +
            `Give this component a provider for ${region} (the \`provider\` option), or adopt a connection in ${providerRegion}.`,
    ];
}

/** "an Interface endpoint", "a Gateway endpoint". */
const anEndpoint = (type: string) => `${/^[AEIOU]/i.test(type) ? "an" : "a"} ${type} endpoint`;

/** What a lookup of the adopted endpoint tells (ec2.getVpcEndpoint). */
export interface AdoptedEndpointFacts {
    id: string;
    vpcId: string;
    serviceName: string;
    vpcEndpointType: string;
    securityGroupIds: string[];
}

/**
 * The adopted endpoint must be what the component would have created: an Interface endpoint of the region's
 * `apprunner.requests`, in `vpcId` (each of these replaces an endpoint when it changes). Its security groups: the
 * adopted group alone; or, when the component is to create one, a warning that the endpoint will switch to it.
 */
export function validateAdoptedEndpoint(
    endpoint: AdoptedEndpointFacts,
    expected: { vpcId: string; serviceName: string; groups: { adopted: string } | "given" | "created"; secret?: boolean },
): { errors: string[]; warnings: string[] } {
    const id = (s: string) => bare(s, expected.secret ?? false);
    const errors: string[] = [];
    const warnings: string[] = [];
    if (endpoint.vpcEndpointType !== "Interface" || endpoint.serviceName !== expected.serviceName) {
        errors.push(
            `\`adoptVpcEndpointId\` must be an Interface endpoint of ${expected.serviceName}, got: ${endpoint.id}, ${anEndpoint(endpoint.vpcEndpointType)} ` +
                `of ${endpoint.serviceName}. Adopt the App Runner endpoint of the VPC (\`aws ec2 describe-vpc-endpoints --filters ` +
                `Name=service-name,Values=${expected.serviceName}\`).`,
        );
    }
    if (endpoint.vpcId !== expected.vpcId) {
        errors.push(
            `\`adoptVpcEndpointId\` must be an endpoint of \`vpcId\` (${id(expected.vpcId)}), got: ${endpoint.id} in ${endpoint.vpcId}. ` +
                `Set \`vpcId\` to ${endpoint.vpcId}: an endpoint cannot move to another VPC without being replaced.`,
        );
    }
    const has = endpoint.securityGroupIds.length > 0 ? endpoint.securityGroupIds.join(" and ") : "no security group";
    const list = JSON.stringify(endpoint.securityGroupIds);
    if (
        typeof expected.groups === "object" &&
        (endpoint.securityGroupIds.length !== 1 || endpoint.securityGroupIds[0] !== expected.groups.adopted)
    ) {
        errors.push(
            `\`adoptSecurityGroupId\` must be the security group of the endpoint \`adoptVpcEndpointId\` names, got: ${expected.groups.adopted}, while ` +
                `${endpoint.id} has ${has}. Adopt its group, or pass \`securityGroupIds: ${list}\` to keep its groups without managing them.`,
        );
    }
    if (expected.groups === "created") {
        warnings.push(
            `The adopted endpoint ${endpoint.id} has ${has}; without \`adoptSecurityGroupId\` or \`securityGroupIds\` the component creates a ` +
                `security group and the endpoint switches to it (an update in place, shown by the preview). To keep its group, pass ` +
                `\`adoptSecurityGroupId\` (managed by the component) or \`securityGroupIds: ${list}\` (not managed).`,
        );
    }
    return { errors, warnings };
}

/** What a lookup of a given `vpcEndpointId` tells (ec2.getVpcEndpoint). */
export interface GivenEndpointFacts {
    id: string;
    vpcId: string;
    serviceName: string;
    vpcEndpointType: string;
    state: string;
}

/**
 * The endpoint a PrivateEndpoint is given (`vpcEndpointId`) must be one App Runner accepts for the connection: an
 * Interface endpoint of the region's `apprunner.requests`, in `vpcId`, and not deleted (App Runner's
 * CreateVpcIngressConnection and UpdateVpcIngressConnection refuse any other). Checked before the connection is created
 * or moved, so a bad move changes nothing.
 */
export function validateGivenEndpoint(
    endpoint: GivenEndpointFacts,
    expected: { vpcId: string; serviceName: string; secret?: boolean },
): string[] {
    const id = (s: string) => bare(s, expected.secret ?? false);
    const errors: string[] = [];
    const fix = "Pass an InterfaceEndpoint's `vpcEndpointId`, or the id of the VPC's App Runner endpoint";
    if (["deleting", "deleted", "failed", "rejected", "expired"].includes(endpoint.state.toLowerCase())) {
        errors.push(`\`vpcEndpointId\` must be an endpoint that exists, got: ${id(endpoint.id)}, which is ${endpoint.state}. ${fix}.`);
    }
    if (endpoint.vpcEndpointType !== "Interface" || endpoint.serviceName !== expected.serviceName) {
        errors.push(
            `\`vpcEndpointId\` must be an Interface endpoint of ${expected.serviceName}, got: ${id(endpoint.id)}, ${anEndpoint(endpoint.vpcEndpointType)} ` +
                `of ${endpoint.serviceName}. ${fix} (\`aws ec2 describe-vpc-endpoints --filters Name=service-name,Values=${expected.serviceName}\`).`,
        );
    }
    if (endpoint.vpcId !== expected.vpcId) {
        errors.push(
            `\`vpcEndpointId\` must be an endpoint of \`vpcId\` (${id(expected.vpcId)}), got: ${id(endpoint.id)} in ${endpoint.vpcId}. ${fix} in ` +
                `that VPC, or set \`vpcId\` to ${endpoint.vpcId} to move the service there.`,
        );
    }
    return errors;
}

/** `adoptSharedSecurityGroup`: a plain boolean, and only beside `adoptSecurityGroupId`. */
export function validateSharedGroupChoice(value: unknown, adoptsGroup: boolean): string[] {
    if (typeof value !== "boolean") {
        return [
            `\`adoptSharedSecurityGroup\` must be a plain boolean known when the program runs, got: ${show(value)}. Pass true or false.`,
        ];
    }
    if (!adoptsGroup) {
        return [
            `\`adoptSharedSecurityGroup\` applies only with \`adoptSecurityGroupId\`, got: ${value} without it. Remove it, or adopt the group ` +
                "with `adoptSecurityGroupId`.",
        ];
    }
    return [];
}

/**
 * An adopted security group that network interfaces other than the adopted endpoint's use (an instance's, a function's):
 * refused, naming them, since the component would own it (its rules rewritten when asked, and deleted by `pulumi destroy`).
 */
export function validateAdoptedGroupUsers(groupId: string, others: string[], withEndpoint: boolean): string[] {
    if (others.length === 0) return [];
    return [
        `\`adoptSecurityGroupId\` must be a security group only ${withEndpoint ? "the adopted endpoint" : "the component's endpoint"} uses, got: ` +
            `${groupId}, which ${others.length === 1 ? "network interface" : "network interfaces"} ${others.join(", ")} ` +
            `${others.length === 1 ? "uses" : "use"} too. Adopted, its rules become the component's and \`pulumi destroy\` deletes it. Pass it in ` +
            "`securityGroupIds` to keep using it without managing it, or set `adoptSharedSecurityGroup: true` to take it over anyway.",
    ];
}

/**
 * The adopted security group must be in `vpcId` (a group cannot move) and must not be a VPC's default group, which AWS
 * never deletes and `pulumi destroy` would try to.
 */
export function validateAdoptedSecurityGroup(group: { id: string; vpcId: string; name: string }, vpcId: string, secret = false): string[] {
    const errors: string[] = [];
    if (group.vpcId !== vpcId) {
        errors.push(
            `\`adoptSecurityGroupId\` must be a security group of \`vpcId\` (${bare(vpcId, secret)}), got: ${group.id} in ${group.vpcId}. ` +
                `Adopt the group of the endpoint in ${bare(vpcId, secret)}: a security group cannot move to another VPC.`,
        );
    }
    if (group.name === "default") {
        errors.push(
            `\`adoptSecurityGroupId\` must not be a VPC's default security group, got: ${group.id} (default). AWS never deletes it, and ` +
                "the component would try to on `pulumi destroy`. Pass it in `securityGroupIds` to keep using it without managing it.",
        );
    }
    return errors;
}

/** What Cloud Control tells of the adopted connection (AWS::AppRunner::VpcIngressConnection). */
export interface AdoptedConnectionFacts {
    ServiceArn: string;
    IngressVpcConfiguration: { VpcId?: string; VpcEndpointId?: string };
}

/**
 * The adopted connection must join this service to this VPC through this endpoint: each of them replaces a connection
 * when it changes. Only what is known is compared (`undefined`: not known yet). `endpointArg` names the argument the
 * endpoint comes from (`vpcEndpointId`, or `adoptVpcEndpointId` with `subnetIds`).
 */
export function validateAdoptedConnection(
    connection: AdoptedConnectionFacts,
    expected: {
        serviceArn?: string;
        vpcId?: string;
        endpointId?: string;
        endpointArg: "vpcEndpointId" | "adoptVpcEndpointId";
        secret?: boolean;
    },
): string[] {
    const secret = expected.secret ?? false;
    const errors: string[] = [];
    if (expected.serviceArn !== undefined && connection.ServiceArn !== expected.serviceArn) {
        errors.push(
            `\`adoptConnectionArn\` must connect \`serviceArn\` (${bare(expected.serviceArn, secret)}), got: a connection of ${connection.ServiceArn}. ` +
                "Adopt the connection of this service (`aws apprunner list-vpc-ingress-connections --filter ServiceArn=<service ARN>`), " +
                "or set `serviceArn` to the service it connects.",
        );
    }
    const { VpcId: vpc = "", VpcEndpointId: endpoint = "" } = connection.IngressVpcConfiguration;
    if (expected.vpcId !== undefined && vpc !== expected.vpcId) {
        errors.push(
            `\`adoptConnectionArn\` must be a connection in \`vpcId\` (${bare(expected.vpcId, secret)}), got: a connection in ${vpc}. ` +
                `Set \`vpcId\` to ${vpc}: a connection is adopted as it is, and moved to another VPC afterwards, in place.`,
        );
    }
    if (expected.endpointId !== undefined && endpoint !== expected.endpointId) {
        errors.push(
            `\`adoptConnectionArn\` must be a connection through the endpoint \`${expected.endpointArg}\` names (${bare(expected.endpointId, secret)}), ` +
                `got: a connection through ${endpoint}. Set \`${expected.endpointArg}\` to ${endpoint}: a connection is adopted as it is, and moved ` +
                "to another endpoint afterwards, in place.",
        );
    }
    return errors;
}

/**
 * A component never passes Pulumi's `import` option to its children (the engine ignores it on a component), so it
 * would create a second endpoint beside the one meant; the adoption arguments do what was meant.
 */
export function validateNoImportOption(component: "PrivateEndpoint" | "InterfaceEndpoint", value: unknown): string[] {
    if (value === undefined) return [];
    const args =
        component === "PrivateEndpoint"
            ? "`adoptVpcEndpointId`, `adoptSecurityGroupId` or `adoptConnectionArn`"
            : "`adoptVpcEndpointId` or `adoptSecurityGroupId`";
    return [
        `The \`import\` option cannot bring existing resources under this ${component}, got: ${show(value)}. Pulumi ignores \`import\` on a component, ` +
            `so its children would be created anew beside the existing ones. Remove the option and pass ${args} (${ADOPTION_SECTION}).`,
    ];
}

/**
 * AWS's answer to every App Runner call of an account App Runner does not serve (closed to new customers since 30 April
 * 2026: "The AWS Access Key Id needs a subscription for the service", SubscriptionRequiredException), turned into one
 * error that says what it means and what to check; undefined for any other failure.
 */
export function validateAppRunnerSubscription(reason: string, region: string | undefined): string[] {
    if (!/SubscriptionRequiredException|needs a subscription for the service/.test(reason)) return [];
    return [
        `The AWS account cannot use App Runner${region ? ` in ${region}` : ""}: AWS answers its App Runner calls with ` +
            'SubscriptionRequiredException ("The AWS Access Key Id needs a subscription for the service"). App Runner is closed to new ' +
            "customers since 30 April 2026, and existing customers keep access: check that the AWS provider uses the credentials of the " +
            "account your App Runner services are in, and its region. AWS points new users to Amazon ECS Express Mode.",
    ];
}
