// `aws.ec2.VpcEndpoint`: hashicorp/terraform-provider-aws internal/service/ec2/vpc_endpoint.go @ 008db85a (2026; its schema
// matches @pulumi/aws 7.48.0's field for field), as @pulumi/aws 7.48.0 bundles it (./index.ts). Replaced on a change
// (ForceNew): `vpcId`, `serviceName`, `vpcEndpointType`, `serviceRegion`, `resourceConfigurationArn`,
// `serviceNetworkArn`, `region` (./common.ts), and `privateDnsEnabled` for every type but Interface (CustomizeDiff; not
// copied: the component makes Interface endpoints only); updated in place: `subnetIds`, `securityGroupIds`,
// `routeTableIds`, `ipAddressType`, `policy`, `privateDnsEnabled` (Interface), `autoAccept`, `dnsOptions`'s record type,
// `subnetConfigurations`, `tags`.
import { Ctx, PartialCreate, SdkError, waitFor } from "../context";
import { bool, io, list, map, obj, out, set, str } from "../schema";
import { arn, oneOf } from "../validators";
import { ResourceType, notFound, region, step, tagSpec, tags, tagsOut } from "./common";

/**
 * What DescribeVpcEndpoints says of an endpoint, in the provider's names: shared by the resource's state and the
 * `getVpcEndpoint` data source's result (which lists `dnsOptions`; resource_vpc_endpoint.go, data_source_vpc_endpoint.go).
 */
export function endpointAttributes(e: any, region: string) {
    return {
        arn: `arn:aws:ec2:${region}:${e.OwnerId}:vpc-endpoint/${e.VpcEndpointId}`,
        cidrBlocks: [],
        dnsEntries: e.DnsEntries.map((d: any) => ({ dnsName: d.DnsName, hostedZoneId: d.HostedZoneId })),
        dnsOptions: {
            dnsRecordIpType: e.DnsOptions.DnsRecordIpType,
            privateDnsOnlyForInboundResolverEndpoint: false,
            privateDnsPreference: "",
            privateDnsSpecifiedDomains: [],
        },
        ipAddressType: e.IpAddressType,
        networkInterfaceIds: e.NetworkInterfaceIds,
        ownerId: e.OwnerId,
        // What DescribeVpcEndpoints reports as the policy of an endpoint of a service without endpoint policies is
        // unverified: the model reports none.
        policy: e.PolicyDocument ?? "",
        prefixListId: "",
        privateDnsEnabled: e.PrivateDnsEnabled,
        region,
        requesterManaged: e.RequesterManaged,
        routeTableIds: e.RouteTableIds,
        securityGroupIds: e.Groups.map((g: any) => g.GroupId),
        serviceName: e.ServiceName,
        serviceRegion: region,
        state: e.State,
        subnetIds: e.SubnetIds,
        vpcEndpointType: e.VpcEndpointType,
        vpcId: e.VpcId,
    };
}

export const vpcEndpoint: ResourceType = {
    tagging: "ec2",
    schema: {
        token: "aws:ec2/vpcEndpoint:VpcEndpoint",
        properties: {
            vpcId: io(str, { required: true, forceNew: true, alwaysOut: true }),
            serviceName: io(str, { forceNew: true, computed: true, alwaysOut: true }),
            // Terraform's default, which apprunner.requests does not offer (AWS then refuses it).
            vpcEndpointType: io(str, {
                forceNew: true,
                default: "Gateway",
                alwaysOut: true,
                validate: oneOf(["Gateway", "GatewayLoadBalancer", "Interface", "Resource", "ServiceNetwork"]),
            }),
            subnetIds: io(set(str), { computed: true, alwaysOut: true }),
            securityGroupIds: io(set(str), { computed: true, alwaysOut: true }),
            routeTableIds: io(set(str), { computed: true, alwaysOut: true }),
            ipAddressType: io(str, { computed: true, alwaysOut: true, validate: oneOf(["ipv4", "dualstack", "ipv6"]) }),
            privateDnsEnabled: io(bool, { computed: true, alwaysOut: true }),
            policy: io(str, { computed: true, alwaysOut: true }),
            autoAccept: io(bool),
            dnsOptions: io(
                obj("aws:ec2/VpcEndpointDnsOptions:VpcEndpointDnsOptions", {
                    dnsRecordIpType: io(str, { validate: oneOf(["ipv4", "dualstack", "ipv6", "service-defined"]) }),
                    privateDnsOnlyForInboundResolverEndpoint: io(bool),
                    privateDnsPreference: io(str),
                    privateDnsSpecifiedDomains: io(list(str)),
                }),
                { computed: true, alwaysOut: true },
            ),
            subnetConfigurations: io(
                set(
                    obj("aws:ec2/VpcEndpointSubnetConfiguration:VpcEndpointSubnetConfiguration", {
                        ipv4: io(str),
                        ipv6: io(str),
                        subnetId: io(str),
                    }),
                ),
                { computed: true },
            ),
            serviceRegion: io(str, { forceNew: true, computed: true, alwaysOut: true }),
            resourceConfigurationArn: io(str, { forceNew: true, validate: arn }),
            serviceNetworkArn: io(str, { forceNew: true, validate: arn }),
            region: region(),
            tags: tags(),
            arn: out(str),
            cidrBlocks: out(list(str)),
            dnsEntries: out(list(obj("aws:ec2/VpcEndpointDnsEntry:VpcEndpointDnsEntry", { dnsName: out(str), hostedZoneId: out(str) }))),
            networkInterfaceIds: out(list(str)),
            ownerId: out(str),
            prefixListId: out(str),
            requesterManaged: out(bool),
            state: out(str),
            tagsAll: out(map(str)),
        },
    },
    async create(ctx, inputs) {
        const interfaceType = inputs.vpcEndpointType === "Interface";
        const { VpcEndpoint: e } = await step(`creating EC2 VPC Endpoint (${inputs.serviceName})`, () =>
            ctx.call("ec2", "CreateVpcEndpoint", {
                VpcEndpointType: inputs.vpcEndpointType,
                VpcId: inputs.vpcId,
                ServiceName: inputs.serviceName,
                SubnetIds: inputs.subnetIds,
                SecurityGroupIds: inputs.securityGroupIds,
                IpAddressType: inputs.ipAddressType,
                ...(interfaceType ? { PrivateDnsEnabled: inputs.privateDnsEnabled ?? false } : {}),
                ...(inputs.policy ? { PolicyDocument: inputs.policy } : {}),
                TagSpecifications: tagSpec("vpc-endpoint", inputs.tags),
            }),
        );
        const id = e.VpcEndpointId;
        try {
            // Terraform's create timeout is 10 minutes; it waits for available or pendingAcceptance, polling every 5 s.
            await waitFor(ctx, `waiting for EC2 VPC Endpoint (${id}) create`, {
                pending: ["pending"],
                target: ["available", "pendingAcceptance"],
                timeoutMs: 600_000,
                pollMs: 5_000,
                refresh: () => endpointState(ctx, id),
            });
        } catch (err) {
            throw new PartialCreate(id, (await this.read(ctx, id)) ?? {}, (err as Error).message);
        }
        return { id, state: (await this.read(ctx, id))! };
    },
    async read(ctx, id) {
        let e;
        try {
            [e] = (await ctx.call("ec2", "DescribeVpcEndpoints", { VpcEndpointIds: [id] })).VpcEndpoints;
        } catch (err) {
            if (notFound(err, "InvalidVpcEndpointId.NotFound")) return undefined;
            throw new SdkError(`reading EC2 VPC Endpoint (${id}): ${(err as Error).message}`);
        }
        if (e.State === "deleted") return undefined;
        // subnet_configuration: each network interface's subnet and addresses, one DescribeNetworkInterfaces a
        // interface (vpc_endpoint.go, flattenSubnetConfigurations: PrivateIpAddress, Ipv6Address, SubnetId).
        const subnetConfigurations = [];
        for (const eni of e.NetworkInterfaceIds) {
            const [n] = (await ctx.call("ec2", "DescribeNetworkInterfaces", { NetworkInterfaceIds: [eni] })).NetworkInterfaces;
            subnetConfigurations.push({ ipv4: n.PrivateIpAddress ?? "", ipv6: n.Ipv6Address ?? "", subnetId: n.SubnetId });
        }
        return {
            ...endpointAttributes(e, ctx.region),
            autoAccept: false,
            resourceConfigurationArn: "",
            serviceNetworkArn: "",
            subnetConfigurations,
            tags: tagsOut(e.Tags),
            tagsAll: tagsOut(e.Tags),
        };
    },
    async update(ctx, id, olds, news) {
        const diff = (k: string) => {
            const o: string[] = olds[k] ?? [];
            const n: string[] | undefined = news[k];
            return n === undefined
                ? { add: [], remove: [] }
                : { add: n.filter((x) => !o.includes(x)), remove: o.filter((x) => !n.includes(x)) };
        };
        const subnets = diff("subnetIds");
        const groups = diff("securityGroupIds");
        const params: Record<string, unknown> = { VpcEndpointId: id };
        if (subnets.add.length) params.AddSubnetIds = subnets.add;
        if (subnets.remove.length) params.RemoveSubnetIds = subnets.remove;
        if (groups.add.length) params.AddSecurityGroupIds = groups.add;
        if (groups.remove.length) params.RemoveSecurityGroupIds = groups.remove;
        if (news.ipAddressType !== undefined && news.ipAddressType !== olds.ipAddressType) params.IpAddressType = news.ipAddressType;
        if (news.privateDnsEnabled !== undefined && news.privateDnsEnabled !== olds.privateDnsEnabled)
            params.PrivateDnsEnabled = news.privateDnsEnabled;
        if (news.policy !== undefined && news.policy !== olds.policy) params.PolicyDocument = news.policy;
        if (Object.keys(params).length > 1) {
            await step(`updating EC2 VPC Endpoint (${id})`, () => ctx.call("ec2", "ModifyVpcEndpoint", params));
            await waitFor(ctx, `waiting for EC2 VPC Endpoint (${id}) update`, {
                pending: ["pending"],
                target: ["available", "pendingAcceptance"],
                timeoutMs: 600_000,
                pollMs: 5_000,
                refresh: () => endpointState(ctx, id),
            });
        }
        return (await this.read(ctx, id))!;
    },
    async delete(ctx, id) {
        const { Unsuccessful } = await step(`deleting EC2 VPC Endpoint (${id})`, () =>
            ctx.call("ec2", "DeleteVpcEndpoints", { VpcEndpointIds: [id] }),
        );
        const failed = Unsuccessful.find((u: any) => u.Error.Code !== "InvalidVpcEndpoint.NotFound");
        if (failed)
            throw new SdkError(`deleting EC2 VPC Endpoint (${id}): ${failed.Error.Code}: ${failed.Error.Message}`, failed.Error.Code);
        await waitFor(ctx, `waiting for EC2 VPC Endpoint (${id}) delete`, {
            pending: ["deleting", "deleted"],
            target: [],
            timeoutMs: 600_000,
            pollMs: 5_000,
            refresh: () => endpointState(ctx, id),
        });
    },
};

async function endpointState(ctx: Ctx, id: string): Promise<string | undefined> {
    try {
        return (await ctx.call("ec2", "DescribeVpcEndpoints", { VpcEndpointIds: [id] })).VpcEndpoints[0]?.State;
    } catch (e) {
        if (notFound(e, "InvalidVpcEndpointId.NotFound")) return undefined;
        throw e;
    }
}
