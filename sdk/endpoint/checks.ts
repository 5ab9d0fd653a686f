// Every check of an endpoint's arguments: now, when they resolve, and against what AWS answers to lookups.
import { getSecurityGroup } from "@pulumi/aws/ec2/getSecurityGroup";
import { getSubnet } from "@pulumi/aws/ec2/getSubnet";
import * as pulumi from "@pulumi/pulumi";
import { IpAddressType, appRunnerEndpointServiceName, isEc2Id } from "../aws";
import { Checks, Problems, resolve, whenKnown } from "../known";

import { Lookups } from "../scope";
import {
    SubnetFacts,
    validateSharedGroupChoice,
    validateGivenEndpoint,
    validateAdoptedSecurityGroup,
    validateCidrBlocks,
    validateEc2Id,
    validateEc2IdList,
    validateIpAddressType,
    validateProviderRegion,
    validateRequired,
    validateSecurityGroupPlacement,
    validateSubnetPlacement,
} from "../validation";
import { EndpointArgs } from "./args";
import { endpointById, lookUp, serviceZones } from "./lookups";
import { Adoption, adoptionId, checkAdoptedEndpoint, checkGroupUsers } from "./adoption";

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
