// What AWS's answers allow, once looked up: subnets' and groups' VPC and zones, the service's region, one connection per
// service, an account App Runner serves.
import { IpAddressType, parseServiceArn } from "../aws";
import { bare, show } from "./echo";

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
                    `\`subnetIds\` must be in Availability Zones where ${service.name} is offered ` +
                        `(${service.zones.join(", ")}), got: ${id(s.id)} in ` +
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
                `\`subnetIds\` includes ${id(s.id)}, owned by account ${s.ownerId}, not the deploying ` +
                    `account ${opts.accountId}: subnets shared ` +
                    "through AWS RAM are reported not to work for App Runner private endpoints " +
                    "(aws/apprunner-roadmap#267). Use subnets your account owns.",
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
            `Give this component a provider for ${secret ? "the service's region" : region} (the ` +
            `\`provider\` option), or connect a service in ${providerRegion}.`,
    ];
}

/** AWS allows one VPC ingress connection per service; `owner` is the component that already connects it. */
export function validateServiceNotConnected(serviceArn: string, owner: string | undefined, secret = false): string[] {
    if (owner === undefined) return [];
    return [
        `\`serviceArn\` is already connected by PrivateEndpoint ${show(owner)} in this program, got: ${show(serviceArn, secret)} again. ` +
            "An App Runner service can have only one VPC ingress connection: keep one PrivateEndpoint for it and share its `domainName`.",
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
