// The endpoint and its security group, created once the gate opens.
import { GetVpcResult, getVpcOutput } from "@pulumi/aws/ec2/getVpc";
import { SecurityGroup } from "@pulumi/aws/ec2/securityGroup";
import { VpcEndpoint } from "@pulumi/aws/ec2/vpcEndpoint";
import * as pulumi from "@pulumi/pulumi";
import { HTTPS_PORT, IpAddressType, appRunnerEndpointServiceName } from "../aws";
import { parseCidr } from "../cidr";
import type { Child } from "../options";
import { Lookups } from "../scope";
import { EndpointArgs } from "./args";
import { Adoption, adopt } from "./adoption";

/** The created resources. */
export interface EndpointResources {
    vpcEndpoint: VpcEndpoint;
    securityGroup?: SecurityGroup;
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
