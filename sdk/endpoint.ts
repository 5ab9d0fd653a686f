// The App Runner interface endpoint and its security group: one implementation, used by InterfaceEndpoint (a shared
// endpoint owned by no service) and by PrivateEndpoint when it is given `subnetIds`. The checks, the messages and
// the resources are the same for both; only their names and parents differ.
import { getSecurityGroup } from "@pulumi/aws/ec2/getSecurityGroup";
import { getSubnet } from "@pulumi/aws/ec2/getSubnet";
import { GetVpcResult, getVpcOutput } from "@pulumi/aws/ec2/getVpc";
import { getNetworkInterfaces } from "@pulumi/aws/ec2/getNetworkInterfaces";
import { GetVpcEndpointResult, getVpcEndpoint } from "@pulumi/aws/ec2/getVpcEndpoint";
import { getVpcEndpointService } from "@pulumi/aws/ec2/getVpcEndpointService";
import { SecurityGroup } from "@pulumi/aws/ec2/securityGroup";
import { VpcEndpoint } from "@pulumi/aws/ec2/vpcEndpoint";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getRegionOutput } from "@pulumi/aws/getRegion";
import * as pulumi from "@pulumi/pulumi";
import { HTTPS_PORT, IpAddressType, appRunnerEndpointServiceName, isEc2Id } from "./aws";
import { parseCidr } from "./cidr";
import { lookupReason, refusal } from "./errors";
import { Checks, Problems, isPlain, resolve, whenKnown } from "./known";
import type { Child } from "./options";
import { Lookups, lookupsFor } from "./scope";
import {
    AdoptionArg,
    SubnetFacts,
    bare,
    show,
    validateAdoptedEndpoint,
    validateAdoptedGroupUsers,
    validateSharedGroupChoice,
    validateGivenEndpoint,
    validateAdoptedSecurityGroup,
    validateAdoptionId,
    validateAdoptionKnown,
    validateCidrBlocks,
    validateEc2Id,
    validateEc2IdList,
    validateIpAddressType,
    validateProviderRegion,
    validateRequired,
    validateSecurityGroupPlacement,
    validateSubnetPlacement,
} from "./validation";

/**
 * The arguments InterfaceEndpoint and PrivateEndpoint share: the endpoint's VPC, and how a new endpoint is made.
 * Declared once, so both components, and the schema other languages get, describe them in the same words
 * (AWS CDK: InterfaceVpcEndpointOptions, which InterfaceVpcEndpointProps extends).
 */
export interface EndpointArgs {
    /** The id of the VPC the endpoint is in, which clients reach the services from, e.g. `vpc.id`. Required. */
    vpcId: pulumi.Input<string>;
    /**
     * Subnets of `vpcId` for a new endpoint's network interfaces, at most one per Availability Zone; two zones or more
     * are advised (one zone logs a warning). Required by an InterfaceEndpoint; a PrivateEndpoint takes exactly one of
     * `subnetIds` and `vpcEndpointId`. Default (PrivateEndpoint): none; `vpcEndpointId` then names the endpoint to reuse.
     */
    subnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Security groups for a new endpoint, instead of the one the component would create. Cannot be combined with
     * `allowedCidrBlocks` or `allowedSecurityGroupIds`, nor with a PrivateEndpoint's `vpcEndpointId`.
     * Default: a security group is created that allows TCP 443 only, from `allowedCidrBlocks` and
     * `allowedSecurityGroupIds`, and no egress.
     */
    securityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * CIDR blocks allowed to reach the created security group on TCP 443: IPv4, and IPv6 when `ipAddressType` is
     * "dualstack"; 0.0.0.0/0 and ::/0 are refused. Cannot be combined with `securityGroupIds`, nor with a
     * PrivateEndpoint's `vpcEndpointId`. Default: the VPC's CIDR blocks (IPv4 primary and associated, plus its IPv6
     * block for "dualstack"), looked up once, unless `allowedSecurityGroupIds` is given, in which case none.
     */
    allowedCidrBlocks?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Security groups whose members may reach the created security group on TCP 443: the least-privilege choice when
     * clients are known by group rather than by address. Groups of `vpcId` only. With `allowedCidrBlocks`, both are
     * admitted. Cannot be combined with `securityGroupIds`, nor with a PrivateEndpoint's `vpcEndpointId`.
     * Default: none (with neither this nor `allowedCidrBlocks`, the VPC's CIDR blocks are admitted).
     */
    allowedSecurityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The IP address type of a new endpoint: "ipv4", or "dualstack" (IPv4 and IPv6; every subnet needs an IPv6
     * CIDR block). Cannot be combined with a PrivateEndpoint's `vpcEndpointId`. Default: "ipv4".
     */
    ipAddressType?: pulumi.Input<IpAddressType>;
    /**
     * Tags for the endpoint and the security group the component creates (at most 50, no `aws:` keys, every value a
     * string); given with an adoption argument, the adopted endpoint and group get them too, in place. A PrivateEndpoint's
     * VPC ingress connection carries none: AWS's CloudFormation type for it, which the component drives through Cloud
     * Control, takes tags only when a connection is created and replaces it when they change. Default: no tags beyond the
     * provider's `defaultTags`; adopted resources keep the tags they have.
     */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /**
     * Adoption: the id of an existing `com.amazonaws.<region>.apprunner.requests` Interface endpoint in `vpcId` (made in
     * the console, by AWS Copilot, ...) for the component to manage as its endpoint instead of creating one. Pulumi
     * imports it (the `import` option on the component's endpoint), then updates its subnets and security groups to
     * `subnetIds` and the component's groups, in place: nothing is replaced, and Pulumi refuses any change that would
     * replace it. Its private DNS setting and IP address type stay as they are unless `ipAddressType` is given.
     * A plain string known when the program runs; keep it in the program afterwards (README, "Adopting existing
     * resources"). Cannot be combined with a PrivateEndpoint's `vpcEndpointId`. Default: none; a new endpoint is created.
     */
    adoptVpcEndpointId?: pulumi.Input<string>;
    /**
     * Adoption: the id of an existing security group of the endpoint, for the component to manage instead of creating
     * one (Pulumi's `import` option on the component's group). Its name and description stay (they are looked up); its
     * rules stay as they are unless `allowedCidrBlocks` or `allowedSecurityGroupIds` is given, which replace them in
     * place with TCP 443 from those sources and no egress. Not a VPC's default group. A plain string known when the
     * program runs; keep it in the program afterwards. Cannot be combined with `securityGroupIds`, nor with a
     * PrivateEndpoint's `vpcEndpointId`. Default: none; a security group is created unless `securityGroupIds` is given.
     */
    adoptSecurityGroupId?: pulumi.Input<string>;
    /**
     * Adopt `adoptSecurityGroupId` even though network interfaces other than the adopted endpoint's use it (an instance's,
     * a Lambda function's): the group becomes the component's, its rules are replaced when `allowedCidrBlocks` or
     * `allowedSecurityGroupIds` is given (cutting those interfaces' traffic), and `pulumi destroy` deletes it, which AWS
     * refuses while they use it. A plain boolean known when the program runs. Default: false; a group other interfaces
     * use is refused, naming them (pass it in `securityGroupIds` instead to keep using it without managing it).
     */
    adoptSharedSecurityGroup?: pulumi.Input<boolean>;
}

/**
 * What the component adopts: the `import` ids of its endpoint and security group, and the adopted group's name and
 * description once looked up (its name and description cannot change without replacing it). The lookup runs only
 * once every other check passed; the children wait for the gate, which opens after it.
 */
export interface Adoption {
    vpcEndpointId?: string;
    securityGroupId?: string;
    group?: Promise<{ name: string; description: string } | undefined>;
    /** The adopted endpoint's IP address type, when `ipAddressType` is not given: it stays, and the rules follow it. */
    ipAddressType?: Promise<IpAddressType>;
}

/** The created resources. */
export interface EndpointResources {
    vpcEndpoint: VpcEndpoint;
    securityGroup?: SecurityGroup;
}

/**
 * The provider's region, and the deploying account: once per provider per program, and each only when first asked,
 * which is after the arguments of the component that asks have passed (a refused component invokes nothing).
 */
export function lookupsOf(component: pulumi.ComponentResource): Lookups {
    const provider = component.getProvider("aws:index/getRegion:getRegion");
    return lookupsFor(provider, () => {
        let region: pulumi.Output<string> | undefined;
        let accountId: pulumi.Output<string> | undefined;
        return {
            get region() {
                return (region ??= getRegionOutput({}, { parent: component }).region);
            },
            get accountId() {
                return (accountId ??= getCallerIdentityOutput({}, { parent: component }).accountId);
            },
        };
    });
}

/** `vpcId` is required and a VPC id. */
export function checkVpcId(checks: Checks, vpcId: pulumi.Input<string>): void {
    checks.add(
        whenKnown(vpcId, (v, secret) => [...validateRequired("vpcId", v, secret), ...(v ? validateEc2Id("vpcId", "vpc", v, secret) : [])]),
    );
}

/** The provider's region must be one where App Runner exists (the endpoint's service name is that region's). */
export function checkRegion(checks: Checks, lookups: Lookups): void {
    checks.againstRegion(() => resolve(lookups.region).then((r) => (r.known ? validateProviderRegion(r.value!) : [])));
}

/**
 * An adoption argument, as the child's `import` id: a plain string of the right shape, else a problem and undefined.
 * Pulumi's `import` option takes an id, not an Output, so it must be known when the component is constructed.
 */
export function adoptionId(checks: Checks, arg: AdoptionArg, value: pulumi.Input<string> | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (!isPlain(value)) {
        checks.add(validateAdoptionKnown(arg));
        return undefined;
    }
    const problems = validateAdoptionId(arg, value);
    checks.add(problems);
    return problems.length === 0 ? (value as string) : undefined;
}

/**
 * Every check of a new (or adopted) endpoint's arguments: ids and CIDR blocks now or when they resolve; the subnets
 * and the allowed security groups looked up (in the VPC, one subnet per zone, IPv6 for dual-stack; warnings for one
 * zone or another owner); an adopted endpoint and group looked up (the endpoint App Runner's, in the VPC, with that
 * group; the group in the VPC, not its default one). Returns what is adopted.
 */
export function checkEndpoint(
    checks: Checks,
    args: EndpointArgs,
    lookups: Lookups,
    parent: pulumi.Resource,
    component: "PrivateEndpoint" | "InterfaceEndpoint",
): Adoption {
    // An adopted endpoint keeps its IP address type unless one is given: what it is is known only from its lookup.
    const adoptsEndpoint = args.adoptVpcEndpointId !== undefined && args.ipAddressType === undefined;
    const ipAddressType = args.ipAddressType ?? IpAddressType.Ipv4;
    const context = { reuse: component === "PrivateEndpoint", withCidrBlocks: args.allowedCidrBlocks !== undefined };
    checks.input(args.subnetIds, (v, secret) => validateEc2IdList("subnetIds", "subnet", v, secret, context));
    checks.input(args.securityGroupIds, (v, secret) => validateEc2IdList("securityGroupIds", "securityGroup", v, secret, context));
    checks.input(args.allowedSecurityGroupIds, (v, secret) =>
        validateEc2IdList("allowedSecurityGroupIds", "securityGroup", v, secret, context),
    );
    checks.input(args.ipAddressType, validateIpAddressType);
    if (args.allowedCidrBlocks !== undefined) {
        // IPv6 blocks are judged against the endpoint's IP address type, so both are checked together.
        // (For an adopted endpoint of unknown type, IPv6 blocks are judged once its type is looked up, below.)
        const pair = [args.allowedCidrBlocks, adoptsEndpoint ? undefined : ipAddressType] as pulumi.Input<[string[], IpAddressType]>;
        const withGroups = args.allowedSecurityGroupIds !== undefined;
        checks.add(whenKnown(pair, ([blocks, type], secret) => validateCidrBlocks(blocks, type, secret, withGroups)));
    }
    checks.lookup(() =>
        whenKnown(pulumi.all([args.subnetIds, args.vpcId, ipAddressType]), async ([ids, vpcId, given], secret) => {
            // The endpoint's IP address type: given, the adopted endpoint's, or IPv4 for a new one.
            const type = adoptsEndpoint && adoption.ipAddressType ? await adoption.ipAddressType : given;
            const blocks = adoptsEndpoint && type === IpAddressType.Ipv4 ? await resolve(pulumi.output(args.allowedCidrBlocks)) : undefined;
            return [
                ...(blocks?.known && Array.isArray(blocks.value) ? validateCidrBlocks(blocks.value, type, blocks.secret) : []),
                ...(await checkSubnets(ids, vpcId, type, lookups, parent, secret)),
            ];
        }),
    );
    if (args.allowedSecurityGroupIds !== undefined) {
        const groups = args.allowedSecurityGroupIds;
        checks.lookup(() =>
            whenKnown(pulumi.all([groups, args.vpcId]), ([ids, vpcId], secret) => checkAllowedGroups(ids, vpcId, parent, secret)),
        );
    }
    const adoption: Adoption = {
        vpcEndpointId: adoptionId(checks, "adoptVpcEndpointId", args.adoptVpcEndpointId),
        securityGroupId: adoptionId(checks, "adoptSecurityGroupId", args.adoptSecurityGroupId),
    };
    if (args.adoptSharedSecurityGroup !== undefined) {
        checks.add(validateSharedGroupChoice(args.adoptSharedSecurityGroup, args.adoptSecurityGroupId !== undefined));
    }
    const endpointId = adoption.vpcEndpointId;
    if (endpointId !== undefined) {
        const groups =
            adoption.securityGroupId !== undefined
                ? { adopted: adoption.securityGroupId }
                : args.securityGroupIds !== undefined
                  ? ("given" as const)
                  : ("created" as const);
        let typeFound: (t: IpAddressType) => void = () => undefined;
        if (adoptsEndpoint) adoption.ipAddressType = new Promise((r) => (typeFound = r));
        checks.lookup(() => checkAdoptedEndpoint(endpointId, groups, args.vpcId, lookups, parent, typeFound));
    }
    const groupId = adoption.securityGroupId;
    if (groupId !== undefined) {
        let found!: (g: { name: string; description: string } | undefined) => void;
        adoption.group = new Promise((r) => (found = r));
        checks.lookup(async () => {
            let group: { name: string; description: string } | undefined;
            try {
                const region = await resolve(lookups.region);
                const g = await lookUp("adoptSecurityGroupId", "a security group", groupId, region.value, parent, false, () =>
                    getSecurityGroup({ id: groupId }, { parent }),
                );
                if (typeof g === "string") return [g];
                group = { name: g.name, description: g.description };
                const [placement, users] = await Promise.all([
                    whenKnown(args.vpcId, (vpcId, secret) =>
                        validateAdoptedSecurityGroup({ id: groupId, vpcId: g.vpcId, name: g.name }, vpcId, secret),
                    ),
                    checkGroupUsers(groupId, adoption.vpcEndpointId, args.adoptSharedSecurityGroup, lookups, parent),
                ]);
                return [...placement, ...users];
            } finally {
                // Always settled: the adopted group's inputs wait for it once the gate is open.
                found(group);
            }
        });
    }
    return adoption;
}

/** An endpoint looked up by id, once per provider however many components and checks ask. */
function endpointById(lookups: Lookups, id: string, parent: pulumi.Resource): Promise<GetVpcEndpointResult> {
    const cache: Map<string, Promise<GetVpcEndpointResult>> = (lookups.endpoints ??= new Map());
    if (!cache.has(id)) cache.set(id, getVpcEndpoint({ id }, { parent }));
    return cache.get(id)!;
}

/**
 * The adopted group's other users: the network interfaces in it that are not the adopted endpoint's (DescribeNetworkInterfaces
 * by group). Refused unless `adoptSharedSecurityGroup` says the group is the component's to take over.
 */
async function checkGroupUsers(
    groupId: string,
    endpointId: string | undefined,
    shared: pulumi.Input<boolean> | undefined,
    lookups: Lookups,
    parent: pulumi.Resource,
): Promise<Problems> {
    if (shared === true) return [];
    const [inGroup, endpoint] = await Promise.all([
        getNetworkInterfaces({ filters: [{ name: "group-id", values: [groupId] }] }, { parent }),
        endpointId ? endpointById(lookups, endpointId, parent).catch(() => undefined) : undefined,
    ]);
    // A group the adopted endpoint does not have is refused by the endpoint's own check.
    if (endpoint && !endpoint.securityGroupIds.includes(groupId)) return [];
    const own = new Set(endpoint?.networkInterfaceIds ?? []);
    const others = inGroup.ids.filter((id) => !own.has(id));
    return validateAdoptedGroupUsers(groupId, others, endpointId !== undefined);
}

/** The adopted endpoint, looked up: App Runner's Interface endpoint of the provider's region, in `vpcId`, with its group. */
async function checkAdoptedEndpoint(
    id: string,
    groups: { adopted: string } | "given" | "created",
    vpcId: pulumi.Input<string>,
    lookups: Lookups,
    parent: pulumi.Resource,
    typeFound: (t: IpAddressType) => void,
): Promise<Problems> {
    const region = await resolve(lookups.region);
    const e = await lookUp("adoptVpcEndpointId", "an endpoint", id, region.value, parent, false, () => endpointById(lookups, id, parent));
    // Always settled: the subnet check and the group's rules wait for the type (IPv4 when the lookup failed: refused anyway).
    typeFound(typeof e === "string" ? IpAddressType.Ipv4 : (e.ipAddressType as IpAddressType));
    if (typeof e === "string") return [e];
    if (!region.known) return [];
    return whenKnown(vpcId, (v, secret) => {
        const facts = {
            id,
            vpcId: e.vpcId,
            serviceName: e.serviceName,
            vpcEndpointType: e.vpcEndpointType,
            securityGroupIds: e.securityGroupIds,
        };
        const { errors, warnings } = validateAdoptedEndpoint(facts, {
            vpcId: v,
            serviceName: appRunnerEndpointServiceName(region.value!),
            groups,
            secret,
        });
        for (const w of warnings) pulumi.log.warn(w, parent);
        return errors;
    });
}

/**
 * The endpoint a PrivateEndpoint is given (`vpcEndpointId`), looked up once its id is known: App Runner's Interface
 * endpoint of the provider's region, in `vpcId`, not deleted. An id not known yet (another component's endpoint, in a
 * preview) is not guessed at: it is checked when it resolves, before the connection is created or moved.
 */
export async function checkGivenEndpoint(
    id: string,
    secret: boolean,
    vpcId: pulumi.Input<string>,
    lookups: Lookups,
    parent: pulumi.Resource,
): Promise<Problems> {
    if (!isEc2Id("vpcEndpoint", id)) return []; // refused by its own check
    const region = await resolve(lookups.region);
    const e = await lookUp("vpcEndpointId", "an endpoint", id, region.value, parent, secret, () => endpointById(lookups, id, parent));
    if (typeof e === "string") return [e];
    if (!region.known) return [];
    return whenKnown(vpcId, (v, vpcSecret) =>
        validateGivenEndpoint(
            { id, vpcId: e.vpcId, serviceName: e.serviceName, vpcEndpointType: e.vpcEndpointType, state: e.state },
            { vpcId: v, serviceName: appRunnerEndpointServiceName(region.value!), secret: secret || vpcSecret },
        ),
    );
}

async function checkSubnets(
    ids: string[] | undefined,
    vpcId: string,
    ipAddressType: IpAddressType,
    lookups: Lookups,
    parent: pulumi.Resource,
    secret: boolean,
): Promise<Problems> {
    // Malformed ids or VPC are reported by their own checks; looking them up would only add noise.
    if (!Array.isArray(ids) || !ids.every((id) => isEc2Id("subnet", id)) || !isEc2Id("vpc", vpcId)) return [];
    const [region, account] = await Promise.all([resolve(lookups.region), resolve(lookups.accountId)]);
    const found = await Promise.all(
        ids.map((id, i) =>
            lookUp(`subnetIds[${i}]`, "a subnet", id, region.value, parent, secret, async () => {
                const s = await getSubnet({ id }, { parent });
                return {
                    id,
                    vpcId: s.vpcId,
                    availabilityZone: s.availabilityZone,
                    ipv6CidrBlock: s.ipv6CidrBlock ?? "",
                    ownerId: s.ownerId,
                } as SubnetFacts;
            }),
        ),
    );
    const missing = found.filter((f): f is string => typeof f === "string");
    if (missing.length > 0) return missing;
    const service = region.known ? await serviceZones(region.value!, lookups, parent) : undefined;
    const { errors, warnings } = validateSubnetPlacement(vpcId, found as SubnetFacts[], {
        ipAddressType,
        accountId: account.value,
        secret,
        service,
    });
    for (const w of warnings) pulumi.log.warn(w, parent);
    return errors;
}

/**
 * The zones App Runner's endpoint service is offered in (ec2.getVpcEndpointService), once per provider; undefined when
 * it cannot be asked (a warning says so, and AWS judges the zones when the endpoint is created).
 */
async function serviceZones(
    region: string,
    lookups: Lookups,
    parent: pulumi.Resource,
): Promise<{ name: string; zones: string[] } | undefined> {
    const name = appRunnerEndpointServiceName(region);
    const cache = (lookups.services ??= new Map());
    if (!cache.has(name)) {
        cache.set(
            name,
            getVpcEndpointService({ serviceName: name }, { parent }).then(
                (s) => ({ name, zones: s.availabilityZones }),
                (e) => {
                    pulumi.log.warn(
                        `Could not read the Availability Zones ${name} is offered in (${lookupReason(e)}); the check needs ` +
                            "ec2:DescribeVpcEndpointServices, and without it AWS judges the subnets' zones when the endpoint is created.",
                        parent,
                    );
                    return undefined;
                },
            ),
        );
    }
    return cache.get(name);
}

async function checkAllowedGroups(ids: string[], vpcId: string, parent: pulumi.Resource, secret: boolean): Promise<Problems> {
    if (!Array.isArray(ids) || !ids.every((id) => isEc2Id("securityGroup", id)) || !isEc2Id("vpc", vpcId)) return [];
    const found = await Promise.all(
        ids.map((id, i) =>
            lookUp(`allowedSecurityGroupIds[${i}]`, "a security group", id, undefined, parent, secret, async () => ({
                id,
                vpcId: (await getSecurityGroup({ id }, { parent })).vpcId,
            })),
        ),
    );
    const missing = found.filter((f): f is string => typeof f === "string");
    return missing.length > 0 ? missing : validateSecurityGroupPlacement(vpcId, found as { id: string; vpcId: string }[], secret);
}

/** A lookup, or the message that says which argument (`arg`, e.g. "subnetIds[1]") names what the provider cannot see. */
async function lookUp<T>(
    arg: string,
    what: string,
    id: string,
    region: string | undefined,
    parent: pulumi.Resource,
    secret: boolean,
    look: () => Promise<T>,
): Promise<T | string> {
    try {
        return await look();
    } catch (e) {
        return (
            `\`${arg}\` must be ${what} the AWS provider can see in ${region ?? "the provider's region"}, got: ${show(id, secret)} ` +
            `(lookup failed: ${bare(lookupReason(e))}). Check the id and the provider's region and account.`
        );
    }
}

/**
 * Creates the endpoint, and its security group unless `securityGroupIds` names the groups, both waiting for the
 * gate. `options` gives each child what it takes from the component's options, and the names it had before (aliases,
 * a migration).
 */
export function createEndpoint(
    name: string,
    args: EndpointArgs,
    lookups: Lookups,
    gate: pulumi.Output<never[]>,
    parent: pulumi.Resource,
    options: (child: Child) => pulumi.CustomResourceOptions,
    adoption: Adoption = {},
): EndpointResources {
    // The adopted endpoint's own type when none is given (looked up before the gate opens), else the given one or IPv4.
    const ipAddressType: pulumi.Input<IpAddressType> =
        args.ipAddressType ?? (adoption.ipAddressType ? gate.apply(() => adoption.ipAddressType!) : IpAddressType.Ipv4);
    let securityGroup: SecurityGroup | undefined;
    if (args.securityGroupIds === undefined) {
        // An adopted group keeps its name and description (each replaces a group when it changes), and its rules unless
        // the component is asked to manage them: left out, they are computed, so they stay as AWS has them.
        const adopted = adoption.securityGroupId !== undefined ? gate.apply(() => adoption.group!) : undefined;
        const managesRules = !adopted || args.allowedCidrBlocks !== undefined || args.allowedSecurityGroupIds !== undefined;
        securityGroup = new SecurityGroup(
            `${name}-endpoint-sg`,
            {
                ...(adopted ? { name: adopted.apply((g) => g!.name) } : {}),
                vpcId: args.vpcId,
                description: adopted ? adopted.apply((g) => g!.description) : "HTTPS to the App Runner interface endpoint",
                ...(managesRules
                    ? {
                          ingress: ingressRules(args, ipAddressType, gate, parent),
                          // The endpoint's network interfaces only answer connections made to them, which security
                          // groups allow back statefully; they never open connections, so no egress rule is needed.
                          egress: [],
                      }
                    : {}),
                tags: args.tags,
            },
            { ...adopt(options("endpoint-sg"), adoption.securityGroupId, args), parent, dependsOn: gate },
        );
    }
    const adopted = adoption.vpcEndpointId !== undefined;
    const vpcEndpoint = new VpcEndpoint(
        `${name}-endpoint`,
        {
            vpcId: args.vpcId,
            // The region the endpoint is created in, i.e. the provider's; a connected service's ARN is checked to match.
            serviceName: gate.apply(() => lookups.region).apply(appRunnerEndpointServiceName),
            vpcEndpointType: "Interface",
            subnetIds: args.subnetIds,
            securityGroupIds: securityGroup ? [securityGroup.id] : args.securityGroupIds,
            // Clients call the connection's own domainName, so private DNS is not needed; AWS CDK's deployed
            // integration test sets it off too (whether AWS rejects it on is unverified; DESIGN-NOTES.md). An adopted
            // endpoint keeps its setting, and its IP address type unless one is given: both are computed when left out.
            privateDnsEnabled: adopted ? undefined : false,
            ipAddressType: adopted ? args.ipAddressType : ipAddressType,
            tags: args.tags,
        },
        { ...adopt(options("endpoint"), adoption.vpcEndpointId, args), parent, dependsOn: gate },
    );
    return { vpcEndpoint, securityGroup };
}

/**
 * A child's options when it adopts an existing resource: Pulumi's `import` option with its id, and, unless the
 * component is given `tags`, its tags ignored, so that they stay as they are (the program's would remove them).
 */
export function adopt(
    options: pulumi.CustomResourceOptions,
    id: string | undefined,
    args: { tags?: unknown },
): pulumi.CustomResourceOptions {
    if (id === undefined) return options;
    return { ...options, import: id, ignoreChanges: [...(options.ignoreChanges ?? []), ...(args.tags === undefined ? ["tags"] : [])] };
}

/**
 * TCP 443 from the sources: `allowedCidrBlocks` and `allowedSecurityGroupIds`, or with neither the VPC's CIDR blocks.
 * The CIDR rule is written exactly as 0.1.0 wrote it, so existing security groups see no change.
 */
function ingressRules(
    args: EndpointArgs,
    ipAddressType: pulumi.Input<IpAddressType>,
    gate: pulumi.Output<never[]>,
    parent: pulumi.Resource,
) {
    const https = { protocol: "tcp", fromPort: HTTPS_PORT, toPort: HTTPS_PORT };
    const rules: pulumi.Input<{
        description: string;
        protocol: string;
        fromPort: number;
        toPort: number;
        cidrBlocks?: pulumi.Input<string[]>;
        ipv6CidrBlocks?: pulumi.Input<string[] | undefined>;
        securityGroups?: pulumi.Input<pulumi.Input<string>[]>;
    }>[] = [];
    if (args.allowedCidrBlocks !== undefined || args.allowedSecurityGroupIds === undefined) {
        const sources =
            args.allowedCidrBlocks !== undefined
                ? pulumi.output(args.allowedCidrBlocks)
                : pulumi
                      // Looked up once the gate opens: a refused component asks AWS nothing.
                      .all([gate.apply(() => getVpcOutput({ id: args.vpcId }, { parent })), ipAddressType])
                      .apply(([vpc, type]) => vpcCidrBlocks(vpc, type));
        rules.push({
            description: "HTTPS from the allowed CIDR blocks",
            ...https,
            cidrBlocks: sources.apply((blocks) => blocks.filter((b) => parseCidr(b)?.version !== 6)),
            // Omitted (undefined) when there is no IPv6 source, as for every IPv4 endpoint.
            ipv6CidrBlocks: sources.apply((blocks) => {
                const v6 = blocks.filter((b) => parseCidr(b)?.version === 6);
                return v6.length > 0 ? v6 : undefined;
            }),
        });
    }
    if (args.allowedSecurityGroupIds !== undefined) {
        rules.push({ description: "HTTPS from the allowed security groups", ...https, securityGroups: args.allowedSecurityGroupIds });
    }
    return rules;
}

/**
 * The VPC's CIDR blocks: the primary IPv4 one and every associated secondary one, each once, and for a dual-stack
 * endpoint its IPv6 block (the lookup reports one).
 */
export function vpcCidrBlocks(
    vpc: Pick<GetVpcResult, "cidrBlock" | "cidrBlockAssociations" | "ipv6CidrBlock">,
    ipAddressType: IpAddressType = IpAddressType.Ipv4,
): string[] {
    const associated = vpc.cidrBlockAssociations.filter((a) => a.state === "associated").map((a) => a.cidrBlock);
    const v6 = ipAddressType === IpAddressType.Dualstack && vpc.ipv6CidrBlock ? [vpc.ipv6CidrBlock] : [];
    return [...new Set([vpc.cidrBlock, ...associated]), ...v6];
}

/** Each component's refusal, settled once its checks have (undefined when they passed). */
const refusals = new WeakMap<pulumi.Resource, Promise<Error | undefined>>();
let refusalsAnsweredByProvider = false;

/**
 * Used by the component provider, which answers a refused component's Construct with `refusalOf` itself: the refused
 * component's children then wait forever instead of failing. Failed registrations are unhandled rejections inside
 * the SDK, and its provider server answers every Construct in flight with each one, other components' included.
 */
export function answerRefusalsInConstruct(): void {
    refusalsAnsweredByProvider = true;
}

/** The component's refusal once its checks have settled, or undefined when they passed. */
export function refusalOf(component: pulumi.Resource): Promise<Error | undefined> {
    return refusals.get(component) ?? Promise.resolve(undefined);
}

/**
 * Refuses now (the problems known at construction), else a gate every child waits for, which rejects with every
 * problem found later (or, in the component provider, never opens: see `answerRefusalsInConstruct`).
 */
export function gateOf(checks: Checks, component: pulumi.ComponentResource): pulumi.Output<never[]> {
    if (checks.now.length > 0) throw refusal(checks.now.join("\n"), component);
    const refused = checks.settled().then((problems) => (problems.length > 0 ? refusal(problems.join("\n"), component) : undefined));
    refusals.set(component, refused);
    return pulumi.output(
        refused.then((error): Promise<never[]> => {
            if (!error) return Promise.resolve([]);
            if (refusalsAnsweredByProvider) return new Promise(() => undefined);
            throw error;
        }),
    );
}
