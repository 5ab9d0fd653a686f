// Adoption: existing resources brought under a component through Pulumi's `import` option on its children.
import { isEc2Id, parseConnectionArn } from "../aws";
import { ID_WORDS } from "./arguments";
import { bare, show } from "./echo";

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
            "`adoptConnectionArn` must be a VPC ingress connection ARN " +
                "(arn:aws:apprunner:<region>:<account>:vpcingressconnection/<name>/<id>), " +
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
                `Only one of \`adoptFrom\` or \`${arg}\` can be provided. \`adoptFrom\` takes over the ${ADOPTION_ARGS[arg]} ` +
                    `of a PrivateEndpoint ` +
                    `in this stack; \`${arg}\` imports one made outside Pulumi. Keep the one that matches where ` +
                    `the ${ADOPTION_ARGS[arg]} comes from.`,
            );
        }
    }
    if (given.adoptConnectionArn && given.subnetIds && !given.adoptVpcEndpointId) {
        problems.push(
            "`adoptConnectionArn` with `subnetIds` needs `adoptVpcEndpointId`: a connection is adopted as it is, through the endpoint it " +
                "has. Pass `adoptVpcEndpointId` with the connection's endpoint, or `vpcEndpointId` instead " +
                "of `subnetIds` to connect through " +
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
        `\`connectionName\` must be the adopted connection's name, ${show(name)} (the name in ` +
            `\`adoptConnectionArn\`), got: ${show(connectionName)}. ` +
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
            `\`adoptVpcEndpointId\` must be an Interface endpoint of ${expected.serviceName}, got: ` +
                `${endpoint.id}, ${anEndpoint(endpoint.vpcEndpointType)} ` +
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
            `\`adoptSecurityGroupId\` must be the security group of the endpoint \`adoptVpcEndpointId\` ` +
                `names, got: ${expected.groups.adopted}, while ` +
                `${endpoint.id} has ${has}. Adopt its group, or pass \`securityGroupIds: ${list}\` to keep ` +
                `its groups without managing them.`,
        );
    }
    if (expected.groups === "created") {
        warnings.push(
            `The adopted endpoint ${endpoint.id} has ${has}; without \`adoptSecurityGroupId\` or ` +
                `\`securityGroupIds\` the component creates a ` +
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
            `\`vpcEndpointId\` must be an Interface endpoint of ${expected.serviceName}, got: ` +
                `${id(endpoint.id)}, ${anEndpoint(endpoint.vpcEndpointType)} ` +
                `of ${endpoint.serviceName}. ${fix} (\`aws ec2 describe-vpc-endpoints --filters ` +
                `Name=service-name,Values=${expected.serviceName}\`).`,
        );
    }
    if (endpoint.vpcId !== expected.vpcId) {
        errors.push(
            `\`vpcEndpointId\` must be an endpoint of \`vpcId\` (${id(expected.vpcId)}), got: ${id(endpoint.id)} ` +
                `in ${endpoint.vpcId}. ${fix} in ` +
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
            `\`adoptSharedSecurityGroup\` applies only with \`adoptSecurityGroupId\`, got: ${value} ` +
                `without it. Remove it, or adopt the group ` +
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
        `\`adoptSecurityGroupId\` must be a security group only ` +
            `${withEndpoint ? "the adopted endpoint" : "the component's endpoint"} uses, got: ${groupId}, ` +
            `which ${others.length === 1 ? "network interface" : "network interfaces"} ${others.join(", ")} ` +
            `${others.length === 1 ? "uses" : "use"} too. Adopted, its rules become the component's and ` +
            `\`pulumi destroy\` deletes it. Pass it in ` +
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
            `\`adoptSecurityGroupId\` must be a security group of \`vpcId\` (${bare(vpcId, secret)}), ` +
                `got: ${group.id} in ${group.vpcId}. ` +
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
            `\`adoptConnectionArn\` must connect \`serviceArn\` (${bare(expected.serviceArn, secret)}), ` +
                `got: a connection of ${connection.ServiceArn}. ` +
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
            `\`adoptConnectionArn\` must be a connection through the endpoint \`${expected.endpointArg}\` ` +
                `names (${bare(expected.endpointId, secret)}), ` +
                `got: a connection through ${endpoint}. Set \`${expected.endpointArg}\` to ${endpoint}: a ` +
                `connection is adopted as it is, and moved ` +
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
        `The \`import\` option cannot bring existing resources under this ${component}, got: ` +
            `${show(value)}. Pulumi ignores \`import\` on a component, ` +
            `so its children would be created anew beside the existing ones. Remove the option and pass ${args} (${ADOPTION_SECTION}).`,
    ];
}
