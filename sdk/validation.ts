// Pure validators for PrivateEndpoint's arguments. Each returns the problems it finds as complete messages
// (argument in backticks, the rule, what it got, the fix); an empty list means valid. The component calls them
// on values known at construction and again on values that resolve later, so one text serves both paths.
import {
    CONNECTION_NAME_MAX,
    CONNECTION_NAME_MIN,
    CONNECTION_NAME_PATTERN,
    EC2_ID_PREFIXES,
    Ec2IdKind,
    TAG_LIMITS,
    isEc2Id,
    parseServiceArn,
} from "./aws";

/** How a value is echoed in a message: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
    if (value === undefined) return "undefined";
    return JSON.stringify(value) ?? String(value);
}

const ENDPOINT_CHOICE =
    "Pass `subnetIds` to create a new App Runner interface endpoint, or `vpcEndpointId` to reuse an existing one.";

/** `subnetIds` xor `vpcEndpointId`, and the arguments that only make sense for a new endpoint. */
export function validateEndpointChoice(given: {
    subnetIds: boolean;
    vpcEndpointId: boolean;
    securityGroupIds: boolean;
    allowedCidrBlocks: boolean;
}): string[] {
    const problems: string[] = [];
    if (given.subnetIds && given.vpcEndpointId) {
        problems.push(`Only one of \`subnetIds\` or \`vpcEndpointId\` can be provided. ${ENDPOINT_CHOICE}`);
    } else if (!given.subnetIds && !given.vpcEndpointId) {
        problems.push(`Either \`subnetIds\` or \`vpcEndpointId\` must be provided. ${ENDPOINT_CHOICE}`);
    }
    for (const arg of ["securityGroupIds", "allowedCidrBlocks"] as const) {
        if (given[arg] && given.vpcEndpointId) {
            problems.push(
                `\`${arg}\` applies only to a new endpoint and cannot be combined with \`vpcEndpointId\`. ` +
                    `Configure the security groups of the endpoint that \`vpcEndpointId\` names, or pass \`subnetIds\` instead of \`vpcEndpointId\`.`,
            );
        }
    }
    if (given.securityGroupIds && given.allowedCidrBlocks) {
        problems.push(
            "Only one of `securityGroupIds` or `allowedCidrBlocks` can be provided. `allowedCidrBlocks` configures the " +
                "security group the component creates when `securityGroupIds` is omitted; add the rules to your own groups instead.",
        );
    }
    return problems;
}

const REQUIRED_FIX: Record<"serviceArn" | "vpcId", string> = {
    serviceArn: "Pass the ARN of the App Runner service to make private, e.g. `service.arn`.",
    vpcId: "Pass the id of the VPC the service is reached from, e.g. `vpc.id`.",
};

/** A required argument that is missing or empty. */
export function validateRequired(arg: "serviceArn" | "vpcId", value: unknown): string[] {
    return value === undefined || value === null || value === ""
        ? [`\`${arg}\` is required, got: ${show(value)}. ${REQUIRED_FIX[arg]}`]
        : [];
}

export function validateServiceArn(value: unknown): string[] {
    if (typeof value === "string" && parseServiceArn(value)) return [];
    return [
        "`serviceArn` must be an App Runner service ARN (arn:<partition>:apprunner:<region>:<account>:service/<name>/<id>), " +
            `got: ${show(value)}. Pass the service's \`arn\` output, e.g. \`service.arn\`, not its name, id or URL.`,
    ];
}

const ID_WORDS: Record<Ec2IdKind, { what: string; fix: string }> = {
    vpc: { what: "a VPC id", fix: "Pass the VPC's `id` output, e.g. `vpc.id`." },
    subnet: { what: "a subnet id", fix: "Pass subnet ids, e.g. `subnet.id`, not names or CIDR blocks." },
    securityGroup: { what: "a security group id", fix: "Pass security group ids, e.g. `securityGroup.id`, not names." },
    vpcEndpoint: {
        what: "a VPC endpoint id",
        fix: "Pass the endpoint's id, e.g. another PrivateEndpoint's `vpcEndpointId`.",
    },
};

/** One EC2 id; `arg` is how the message names it, e.g. "vpcId" or "subnetIds[1]". */
export function validateEc2Id(arg: string, kind: Ec2IdKind, value: unknown): string[] {
    if (typeof value === "string" && isEc2Id(kind, value)) return [];
    const { what, fix } = ID_WORDS[kind];
    return [
        `\`${arg}\` must be ${what} (${EC2_ID_PREFIXES[kind]}- and 8 or 17 hexadecimal characters), got: ${show(value)}. ${fix}`,
    ];
}

const EMPTY_LIST_FIX: Record<"subnetIds" | "securityGroupIds", string> = {
    subnetIds:
        "List one subnet in each Availability Zone the endpoint should serve (two or more advised), or pass `vpcEndpointId` to reuse an endpoint.",
    securityGroupIds:
        "Omit it to let the component create a security group that allows HTTPS from `allowedCidrBlocks`.",
};

/** A list of EC2 ids: not empty, each well-formed, none repeated. */
export function validateEc2IdList(arg: "subnetIds" | "securityGroupIds", kind: Ec2IdKind, value: unknown): string[] {
    if (!Array.isArray(value)) {
        return [`\`${arg}\` must be a list of ids, got: ${show(value)}. Pass a list, e.g. [a.id, b.id].`];
    }
    if (value.length === 0) {
        return [`\`${arg}\` must list at least one id, got: []. ${EMPTY_LIST_FIX[arg]}`];
    }
    const problems = value.flatMap((id, i) => validateEc2Id(`${arg}[${i}]`, kind, id));
    const seen = new Set<unknown>();
    for (const id of value) {
        if (seen.has(id)) {
            problems.push(`\`${arg}\` must not repeat an id, got: ${show(id)} twice. Remove the duplicate.`);
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
}

/**
 * Subnet placement, once the subnets are looked up: all in `vpcId`, at most one per Availability Zone (EC2
 * rejects a second one). One zone only is not an error but a `warning`: AWS advises two or more.
 */
export function validateSubnetPlacement(vpcId: string, subnets: SubnetFacts[]): { errors: string[]; warning?: string } {
    const errors: string[] = [];
    for (const s of subnets) {
        if (s.vpcId !== vpcId) {
            errors.push(
                `\`subnetIds\` must be subnets of \`vpcId\` (${vpcId}), got: ${s.id} in ${s.vpcId}. ` +
                    `Use subnets of ${vpcId}, or set \`vpcId\` to the subnets' VPC.`,
            );
        }
    }
    const byZone = new Map<string, string[]>();
    for (const s of subnets) byZone.set(s.availabilityZone, [...(byZone.get(s.availabilityZone) ?? []), s.id]);
    for (const [zone, ids] of byZone) {
        if (ids.length > 1) {
            errors.push(
                "`subnetIds` must have at most one subnet per Availability Zone (an interface endpoint takes one subnet per zone), " +
                    `got: ${ids.join(" and ")} in ${zone}. Keep one subnet per zone.`,
            );
        }
    }
    if (errors.length === 0 && byZone.size === 1) {
        const [zone] = byZone.keys();
        return {
            errors,
            warning:
                `\`subnetIds\` places the endpoint in one Availability Zone (${zone}): if that zone fails, every service ` +
                "behind the endpoint is unreachable. Add a subnet in a second Availability Zone (AWS advises two or more).",
        };
    }
    return { errors };
}

/** A connection is created in the service's region, which must be the region the AWS provider deploys to. */
export function validateServiceRegion(serviceArn: string, providerRegion: string): string[] {
    const region = parseServiceArn(serviceArn)?.region;
    if (region === undefined || region === providerRegion) return [];
    return [
        `\`serviceArn\` must be in the AWS provider's region (${providerRegion}), got: ${show(serviceArn)} in ${region}. ` +
            `Give this component a provider for ${region} (the \`provider\` option), or connect a service in ${providerRegion}.`,
    ];
}

function ipv4(text: string): number[] | undefined {
    const parts = text.split(".");
    if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return undefined;
    return parts.map(Number);
}

/** One IPv4 CIDR block in canonical form; `arg` is e.g. "allowedCidrBlocks[0]". */
export function validateCidrBlock(arg: string, value: unknown): string[] {
    const text = typeof value === "string" ? value : "";
    if (text.includes(":")) {
        return [
            `\`${arg}\` must be an IPv4 CIDR block (App Runner private endpoints are IPv4 only), got: ${show(value)}. Remove the IPv6 block.`,
        ];
    }
    const [address, prefix, ...rest] = text.split("/");
    const octets = ipv4(address);
    if (!octets || rest.length > 0 || !/^(\d|[12]\d|3[0-2])$/.test(prefix ?? "")) {
        return [
            `\`${arg}\` must be an IPv4 CIDR block such as 10.0.0.0/16, got: ${show(value)}. Write an address and a prefix length from 0 to 32.`,
        ];
    }
    const bits = Number(prefix);
    const value32 = octets.reduce((acc, o) => acc * 256 + o, 0);
    const network = bits === 0 ? 0 : value32 - (value32 % 2 ** (32 - bits));
    if (network !== value32) {
        const canonical = [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join(".");
        return [
            `\`${arg}\` must be a network address (host bits zero), got: ${show(value)}. Use ${canonical}/${bits}.`,
        ];
    }
    if (bits === 0) {
        return [
            `\`${arg}\` must not be 0.0.0.0/0 (it admits every address that can route into the VPC, peered VPCs and VPN or ` +
                `Direct Connect sites included), got: ${show(value)}. List your clients' CIDR blocks, or omit \`allowedCidrBlocks\` to allow the VPC's.`,
        ];
    }
    return [];
}

export function validateCidrBlocks(value: unknown): string[] {
    if (!Array.isArray(value)) {
        return [`\`allowedCidrBlocks\` must be a list of CIDR blocks, got: ${show(value)}. Pass a list, e.g. ["10.0.0.0/16"].`];
    }
    if (value.length === 0) {
        return [
            "`allowedCidrBlocks` must list at least one CIDR block, got: []. Omit it to allow the VPC's own CIDR blocks.",
        ];
    }
    return value.flatMap((cidr, i) => validateCidrBlock(`allowedCidrBlocks[${i}]`, cidr));
}

/** `VpcIngressConnectionName`: 4 to 40 characters, `^[A-Za-z0-9][A-Za-z0-9_-]*$`. */
export function validateConnectionName(value: unknown): string[] {
    if (typeof value !== "string") {
        return [`\`connectionName\` must be a string, got: ${show(value)}. Omit it to derive one from the component name.`];
    }
    const problems: string[] = [];
    if (value.length < CONNECTION_NAME_MIN || value.length > CONNECTION_NAME_MAX) {
        problems.push(
            `\`connectionName\` must be ${CONNECTION_NAME_MIN} to ${CONNECTION_NAME_MAX} characters, got: ${value.length} characters (${show(value)}). ` +
                "Choose a name of that length, or omit it to derive one from the component name.",
        );
    }
    if (value.length > 0 && !CONNECTION_NAME_PATTERN.test(value)) {
        const suggestion = value.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "");
        problems.push(
            "`connectionName` must start with a letter or digit and contain only letters, digits, hyphens and underscores, " +
                `got: ${show(value)}. Use e.g. ${show(suggestion || "my-connection")}.`,
        );
    }
    return problems;
}

/** Tags as EC2 and App Runner take them: at most 50, keys 1-128 characters, values up to 256, no `aws:` keys. */
export function validateTags(value: unknown): string[] {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return [`\`tags\` must be a map of strings, got: ${show(value)}. Pass e.g. { team: "payments" }.`];
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
        if (key.length < 1 || key.length > TAG_LIMITS.maxKeyLength) {
            problems.push(
                `\`tags\` keys must be 1 to ${TAG_LIMITS.maxKeyLength} characters, got: ${key.length} characters (${show(key)}). Shorten the key.`,
            );
        }
        if (key.toLowerCase().startsWith(TAG_LIMITS.reservedPrefix)) {
            problems.push(
                `\`tags\` keys must not start with "${TAG_LIMITS.reservedPrefix}" (reserved for AWS), got: ${show(key)}. ` +
                    `Rename the key, e.g. ${show(key.slice(TAG_LIMITS.reservedPrefix.length) || "owner")}.`,
            );
        }
        if (typeof tagValue !== "string") {
            problems.push(`\`tags\` values must be strings, got: ${show(tagValue)} for key ${show(key)}. Quote the value.`);
        } else if (tagValue.length > TAG_LIMITS.maxValueLength) {
            problems.push(
                `\`tags\` values must be at most ${TAG_LIMITS.maxValueLength} characters, got: ${tagValue.length} characters for key ${show(key)}. Shorten the value.`,
            );
        }
    }
    return problems;
}

/** AWS allows one VPC ingress connection per service; `owner` is the component that already connects it. */
export function validateServiceNotConnected(serviceArn: string, owner: string | undefined): string[] {
    if (owner === undefined) return [];
    return [
        `\`serviceArn\` is already connected by PrivateEndpoint ${show(owner)} in this program, got: ${show(serviceArn)} again. ` +
            "An App Runner service can have only one VPC ingress connection: keep one PrivateEndpoint for it and share its `domainName`.",
    ];
}
