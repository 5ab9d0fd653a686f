// The arguments' own shape, before any lookup: the endpoint choice, required values, ARNs, EC2 ids, CIDR blocks, the
// connection name and tags.
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
    parseServiceArn,
} from "../aws";
import { parseCidr } from "../cidr";
import { ECHO_LIMIT, SECRET, bare, show } from "./echo";

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
                `\`${arg}\` adopts ${what} (with \`subnetIds\`) and cannot be combined with ` +
                    `\`vpcEndpointId\`, which reuses an endpoint managed ` +
                    `elsewhere. Adopt it where that endpoint is managed (e.g. an InterfaceEndpoint's ` +
                    `\`${arg}\`), or pass \`subnetIds\` instead of \`vpcEndpointId\`.`,
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

export const ID_WORDS: Record<Ec2IdKind, { what: string; fix: string }> = {
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
            return (
                `List one subnet in each Availability Zone the endpoint should serve (two or more ` +
                `advised)${context.reuse ? ", or pass `vpcEndpointId` to reuse an endpoint" : ""}.`
            );
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
                `\`tags\` values must be at most ${TAG_LIMITS.maxValueLength} characters, got: ${characters(tagValue)} ` +
                    `characters for key ${show(key, secret)}. Shorten the value.`,
            );
        }
    }
    return problems;
}
