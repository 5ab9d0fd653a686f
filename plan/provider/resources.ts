// The resources of `@pulumi/aws` 7 this repository's programs use, as the Terraform AWS provider behind it implements
// them (hashicorp/terraform-provider-aws: internal/service/ec2/vpc_.go, vpc_subnet.go, vpc_security_group.go,
// vpc_endpoint.go; internal/service/apprunner/service.go, vpc_ingress_connection.go): which AWS actions each
// create, read, update and delete calls, in which order, what it waits for and how long, and how it words its errors.
// Their schema (./schema.ts) is @pulumi/aws 7.48's. What is left out is listed in CONTRIBUTING.md.
import { Ctx, PartialCreate, SdkError, hasCode, waitFor } from "./context";
import { FunctionSchema, Prop, ResourceSchema, bool, int, io, list, map, num, obj, out, set, str } from "./schema";
import { all, arn, cidrNetwork, cidrNetworkBits, doesNotMatch, lengthBetween, oneOf } from "./validators";

type State = Record<string, any>;

export interface ResourceType {
    schema: ResourceSchema;
    /** `name` is autonamed (`<logical name>-<7 hex>`) when the program gives none (pulumi-aws autonaming.go). */
    autonamed?: boolean;
    create(ctx: Ctx, inputs: State): Promise<{ id: string; state: State }>;
    /** The state, read from AWS; undefined when the resource is gone. `inputs`: the program's last inputs, if any. */
    read(ctx: Ctx, id: string, inputs?: State): Promise<State | undefined>;
    update(ctx: Ctx, id: string, olds: State, news: State): Promise<State>;
    delete(ctx: Ctx, id: string, olds: State): Promise<void>;
}

const tags = () => io(map(str));
const region = () => io(str, { computed: true, alwaysOut: true });
/** AWS's tag list as the provider gives it, resources and data sources alike: a map without `aws:` tags (`IgnoreAWS()`). */
export const tagsOut = (t: { Key: string; Value: string }[] = []) =>
    Object.fromEntries(t.filter((x) => !x.Key.startsWith("aws:")).map((x) => [x.Key, x.Value]));
const tagList = (t: Record<string, string> | undefined) => Object.entries(t ?? {}).map(([Key, Value]) => ({ Key, Value }));
const tagSpec = (type: string, t: Record<string, string> | undefined) =>
    t && Object.keys(t).length ? [{ ResourceType: type, Tags: tagList(t) }] : undefined;

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

/** Terraform's tags update for EC2: CreateTags for new or changed values, DeleteTags for removed keys. */
async function updateEc2Tags(ctx: Ctx, id: string, olds: Record<string, string> = {}, news: Record<string, string> = {}): Promise<void> {
    const removed = Object.keys(olds).filter((k) => !(k in news));
    const changed = Object.entries(news).filter(([k, v]) => olds[k] !== v);
    if (removed.length) await ctx.call("ec2", "DeleteTags", { Resources: [id], Tags: removed.map((Key) => ({ Key })) });
    if (changed.length) await ctx.call("ec2", "CreateTags", { Resources: [id], Tags: changed.map(([Key, Value]) => ({ Key, Value })) });
}

/** Runs an AWS call, wrapping its error as Terraform words the operation ("creating EC2 VPC Endpoint (…): …"). */
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (e) {
        throw new SdkError(`${what}: ${(e as Error).message}`, (e as SdkError).code);
    }
}

const notFound = (e: unknown, ...codes: string[]) => hasCode(e, ...codes);

// --- VPC ---------------------------------------------------------------------------------------------------------

const vpc: ResourceType = {
    schema: {
        token: "aws:ec2/vpc:Vpc",
        properties: {
            cidrBlock: io(str, { forceNew: true, computed: true, alwaysOut: true, validate: cidrNetworkBits(16, 28) }),
            assignGeneratedIpv6CidrBlock: io(bool),
            enableDnsHostnames: io(bool, { computed: true, alwaysOut: true }),
            enableDnsSupport: io(bool, { default: true }),
            enableNetworkAddressUsageMetrics: io(bool, { computed: true, alwaysOut: true }),
            instanceTenancy: io(str, { default: "default", forceNew: false, validate: oneOf(["default", "dedicated"]) }),
            ipv4IpamPoolId: io(str, { forceNew: true }),
            ipv4NetmaskLength: io(num, { forceNew: true }),
            ipv6CidrBlock: io(str, { computed: true, alwaysOut: true }),
            ipv6CidrBlockNetworkBorderGroup: io(str, { computed: true, alwaysOut: true }),
            ipv6IpamPoolId: io(str),
            ipv6NetmaskLength: io(num),
            region: region(),
            tags: tags(),
            arn: out(str),
            defaultNetworkAclId: out(str),
            defaultRouteTableId: out(str),
            defaultSecurityGroupId: out(str),
            dhcpOptionsId: out(str),
            ipv6AssociationId: out(str),
            mainRouteTableId: out(str),
            ownerId: out(str),
            tagsAll: out(map(str)),
        },
    },
    async create(ctx, inputs) {
        const { Vpc: v } = await step("creating EC2 VPC", () =>
            ctx.call("ec2", "CreateVpc", {
                CidrBlock: inputs.cidrBlock,
                AmazonProvidedIpv6CidrBlock: inputs.assignGeneratedIpv6CidrBlock,
                InstanceTenancy: inputs.instanceTenancy,
                TagSpecifications: tagSpec("vpc", inputs.tags),
            }),
        );
        const id = v.VpcId;
        // The DNS attributes are set after the VPC exists (vpc_.go resourceVPCCreate → modifyVPCAttributesOnCreate).
        if (inputs.enableDnsHostnames) await ctx.call("ec2", "ModifyVpcAttribute", { VpcId: id, EnableDnsHostnames: { Value: true } });
        if (inputs.enableDnsSupport === false)
            await ctx.call("ec2", "ModifyVpcAttribute", { VpcId: id, EnableDnsSupport: { Value: false } });
        return { id, state: (await this.read(ctx, id))! };
    },
    async read(ctx, id) {
        let v;
        try {
            [v] = (await ctx.call("ec2", "DescribeVpcs", { VpcIds: [id] })).Vpcs;
        } catch (e) {
            if (notFound(e, "InvalidVpcID.NotFound")) return undefined;
            throw new SdkError(`reading EC2 VPC (${id}): ${(e as Error).message}`);
        }
        const group = (
            await ctx.call("ec2", "DescribeSecurityGroups", {
                Filters: [
                    { Name: "vpc-id", Values: [id] },
                    { Name: "group-name", Values: ["default"] },
                ],
            })
        ).SecurityGroups[0];
        const v6 = v.Ipv6CidrBlockAssociationSet[0];
        return {
            arn: `arn:aws:ec2:${ctx.region}:${v.OwnerId}:vpc/${id}`,
            assignGeneratedIpv6CidrBlock: v6 !== undefined,
            cidrBlock: v.CidrBlock,
            defaultNetworkAclId: v.DefaultNetworkAclId,
            defaultRouteTableId: v.MainRouteTableId,
            defaultSecurityGroupId: group?.GroupId ?? "",
            dhcpOptionsId: v.DhcpOptionsId,
            enableDnsHostnames: v.EnableDnsHostnames,
            enableDnsSupport: v.EnableDnsSupport,
            enableNetworkAddressUsageMetrics: false,
            instanceTenancy: v.InstanceTenancy,
            ipv6AssociationId: v6?.AssociationId ?? "",
            ipv6CidrBlock: v6?.Ipv6CidrBlock ?? "",
            ipv6CidrBlockNetworkBorderGroup: v6?.NetworkBorderGroup ?? "",
            mainRouteTableId: v.MainRouteTableId,
            ownerId: v.OwnerId,
            region: ctx.region,
            tags: tagsOut(v.Tags),
            tagsAll: tagsOut(v.Tags),
        };
    },
    async update(ctx, id, olds, news) {
        if (news.enableDnsHostnames !== undefined && news.enableDnsHostnames !== olds.enableDnsHostnames) {
            await ctx.call("ec2", "ModifyVpcAttribute", { VpcId: id, EnableDnsHostnames: { Value: news.enableDnsHostnames } });
        }
        if (news.enableDnsSupport !== undefined && news.enableDnsSupport !== olds.enableDnsSupport) {
            await ctx.call("ec2", "ModifyVpcAttribute", { VpcId: id, EnableDnsSupport: { Value: news.enableDnsSupport } });
        }
        await updateEc2Tags(ctx, id, olds.tags, news.tags);
        return (await this.read(ctx, id))!;
    },
    async delete(ctx, id) {
        // Terraform retries DependencyViolation for up to 5 minutes (vpc_.go resourceVPCDelete).
        await retryDependency(ctx, `deleting EC2 VPC (${id})`, 300_000, () => ctx.call("ec2", "DeleteVpc", { VpcId: id }), [
            "InvalidVpcID.NotFound",
        ]);
    },
};

/** Terraform's RetryWhenAWSErrCodeEquals(DependencyViolation): the call again until it passes or the time is up. */
async function retryDependency(ctx: Ctx, what: string, timeoutMs: number, run: () => Promise<unknown>, gone: string[]): Promise<void> {
    const deadline = ctx.deadline(timeoutMs);
    for (;;) {
        try {
            await run();
            return;
        } catch (e) {
            if (notFound(e, ...gone)) return;
            if (!hasCode(e, "DependencyViolation") || ctx.now() >= deadline)
                throw new SdkError(`${what}: ${(e as Error).message}`, (e as SdkError).code);
            await ctx.sleep(5_000);
        }
    }
}

// --- subnet ------------------------------------------------------------------------------------------------------

const subnet: ResourceType = {
    schema: {
        token: "aws:ec2/subnet:Subnet",
        properties: {
            vpcId: io(str, { required: true, forceNew: true, alwaysOut: true }),
            cidrBlock: io(str, { forceNew: true, computed: true, alwaysOut: true, validate: cidrNetwork(4) }),
            availabilityZone: io(str, { forceNew: true, computed: true, alwaysOut: true }),
            availabilityZoneId: io(str, { forceNew: true, computed: true, alwaysOut: true }),
            ipv6CidrBlock: io(str, { computed: true, alwaysOut: true, validate: cidrNetwork(6) }),
            assignIpv6AddressOnCreation: io(bool),
            mapPublicIpOnLaunch: io(bool),
            enableDns64: io(bool),
            ipv6Native: io(bool, { forceNew: true }),
            ipv4IpamPoolId: io(str, { forceNew: true }),
            ipv4NetmaskLength: io(num, { forceNew: true }),
            ipv6IpamPoolId: io(str, { forceNew: true }),
            ipv6NetmaskLength: io(num, { forceNew: true }),
            outpostArn: io(str, { forceNew: true, validate: arn }),
            privateDnsHostnameTypeOnLaunch: io(str, { computed: true, alwaysOut: true, validate: oneOf(["ip-name", "resource-name"]) }),
            region: region(),
            tags: tags(),
            arn: out(str),
            ipv6CidrBlockAssociationId: out(str),
            ownerId: out(str),
            tagsAll: out(map(str)),
        },
    },
    async create(ctx, inputs) {
        const { Subnet: s } = await step("creating EC2 Subnet", () =>
            ctx.call("ec2", "CreateSubnet", {
                VpcId: inputs.vpcId,
                CidrBlock: inputs.cidrBlock,
                AvailabilityZone: inputs.availabilityZone,
                AvailabilityZoneId: inputs.availabilityZoneId,
                Ipv6CidrBlock: inputs.ipv6CidrBlock,
                TagSpecifications: tagSpec("subnet", inputs.tags),
            }),
        );
        return { id: s.SubnetId, state: (await this.read(ctx, s.SubnetId))! };
    },
    async read(ctx, id) {
        let s;
        try {
            [s] = (await ctx.call("ec2", "DescribeSubnets", { SubnetIds: [id] })).Subnets;
        } catch (e) {
            if (notFound(e, "InvalidSubnetID.NotFound")) return undefined;
            throw new SdkError(`reading EC2 Subnet (${id}): ${(e as Error).message}`);
        }
        const v6 = s.Ipv6CidrBlockAssociationSet[0];
        return {
            arn: s.SubnetArn,
            assignIpv6AddressOnCreation: s.AssignIpv6AddressOnCreation,
            availabilityZone: s.AvailabilityZone,
            availabilityZoneId: s.AvailabilityZoneId,
            cidrBlock: s.CidrBlock,
            enableDns64: false,
            ipv6CidrBlock: v6?.Ipv6CidrBlock ?? "",
            ipv6CidrBlockAssociationId: v6?.AssociationId ?? "",
            ipv6Native: false,
            mapPublicIpOnLaunch: s.MapPublicIpOnLaunch,
            ownerId: s.OwnerId,
            privateDnsHostnameTypeOnLaunch: "ip-name",
            region: ctx.region,
            tags: tagsOut(s.Tags),
            tagsAll: tagsOut(s.Tags),
            vpcId: s.VpcId,
        };
    },
    async update(ctx, id, olds, news) {
        await updateEc2Tags(ctx, id, olds.tags, news.tags);
        return (await this.read(ctx, id))!;
    },
    async delete(ctx, id) {
        // Terraform retries DependencyViolation for up to 20 minutes (vpc_subnet.go resourceSubnetDelete).
        await retryDependency(ctx, `deleting EC2 Subnet (${id})`, 1_200_000, () => ctx.call("ec2", "DeleteSubnet", { SubnetId: id }), [
            "InvalidSubnetID.NotFound",
        ]);
    },
};

// --- security group ----------------------------------------------------------------------------------------------

/** A rule as the provider's set hash sees it: protocol normalised, source lists sorted (securityGroupRuleHash). */
function normalRule(r: Record<string, any>): Record<string, any> {
    const protocol = String(r.protocol).toLowerCase();
    const p = ({ "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", all: "-1" } as Record<string, string>)[protocol] ?? protocol;
    const sorted = (k: string) => [...(r[k] ?? [])].sort();
    return {
        ...r,
        protocol: p,
        cidrBlocks: sorted("cidrBlocks"),
        ipv6CidrBlocks: sorted("ipv6CidrBlocks"),
        prefixListIds: sorted("prefixListIds"),
        securityGroups: sorted("securityGroups"),
    };
}

const ruleType = (name: string) =>
    obj(
        `aws:ec2/${name}:${name}`,
        {
            cidrBlocks: io(list(str), { validate: cidrNetwork(4) }),
            description: io(str, { validate: lengthBetween(0, 255) }),
            fromPort: io(int, { required: true }),
            ipv6CidrBlocks: io(list(str), { validate: cidrNetwork(6) }),
            prefixListIds: io(list(str)),
            protocol: io(str, { required: true }),
            securityGroups: io(set(str)),
            self: io(bool),
            toPort: io(int, { required: true }),
        },
        normalRule,
    );

/**
 * EC2's permissions as the provider's rules: grouped by protocol, ports and description (securityGroupIPPermGather),
 * then matched against the rules the program declared (matchRules): a declared rule whose sources AWS has comes out as
 * declared, and what is left (rules added out of band) comes out as rules of its own.
 */
function rulesOf(perms: any[], groupId: string, declared: State[] = []): State[] {
    const gathered = gatherRules(perms, groupId);
    const out: State[] = [];
    const sourcesOf = (r: State) =>
        ["cidrBlocks", "ipv6CidrBlocks", "prefixListIds", "securityGroups"]
            .flatMap((k) => (r[k] ?? []).map((v: string) => `${k}=${v}`))
            .concat(r.self ? ["self"] : []);
    for (const local of declared) {
        const l = normalRule(local);
        const remote = gathered.find(
            (g) =>
                g.protocol === l.protocol && g.fromPort === l.fromPort && g.toPort === l.toPort && g.description === (l.description ?? ""),
        );
        const wanted = sourcesOf(l);
        if (!remote || !wanted.every((s) => sourcesOf(remote).includes(s))) continue;
        out.push({
            ...remote,
            cidrBlocks: l.cidrBlocks,
            ipv6CidrBlocks: l.ipv6CidrBlocks,
            prefixListIds: l.prefixListIds,
            securityGroups: l.securityGroups,
            self: l.self ?? false,
        });
        for (const k of ["cidrBlocks", "ipv6CidrBlocks", "prefixListIds", "securityGroups"])
            remote[k] = remote[k].filter((v: string) => !(l[k] ?? []).includes(v));
        if (l.self) remote.self = false;
    }
    return [...out, ...gathered.filter((g) => sourcesOf(g).length > 0)];
}

function gatherRules(perms: any[], groupId: string): State[] {
    const rules = new Map<string, State>();
    for (const p of perms) {
        const all = p.IpProtocol === "-1";
        const sources = [
            ...p.IpRanges.map((r: any) => ({ d: r.Description ?? "", k: "cidrBlocks", v: r.CidrIp })),
            ...p.Ipv6Ranges.map((r: any) => ({ d: r.Description ?? "", k: "ipv6CidrBlocks", v: r.CidrIpv6 })),
            ...p.PrefixListIds.map((r: any) => ({ d: r.Description ?? "", k: "prefixListIds", v: r.PrefixListId })),
            ...p.UserIdGroupPairs.map((r: any) => ({
                d: r.Description ?? "",
                k: r.GroupId === groupId ? "self" : "securityGroups",
                v: r.GroupId,
            })),
        ];
        for (const s of sources) {
            const key = `${p.IpProtocol}/${p.FromPort}/${p.ToPort}/${s.d}`;
            let rule = rules.get(key);
            if (!rule) {
                rule = {
                    cidrBlocks: [],
                    description: s.d,
                    fromPort: all ? 0 : p.FromPort,
                    ipv6CidrBlocks: [],
                    prefixListIds: [],
                    protocol: p.IpProtocol,
                    securityGroups: [],
                    self: false,
                    toPort: all ? 0 : p.ToPort,
                };
                rules.set(key, rule);
            }
            if (s.k === "self") rule.self = true;
            else rule[s.k].push(s.v);
        }
    }
    return [...rules.values()];
}

/** A provider rule as EC2 permissions (one per rule; expandIPPerms). */
function permissionsOf(rule: State, groupId: string): Record<string, any> {
    const d = rule.description ? { Description: rule.description } : {};
    const protocol = normalRule(rule).protocol;
    return {
        IpProtocol: protocol,
        ...(protocol === "-1" ? {} : { FromPort: rule.fromPort, ToPort: rule.toPort }),
        IpRanges: (rule.cidrBlocks ?? []).map((c: string) => ({ CidrIp: c, ...d })),
        Ipv6Ranges: (rule.ipv6CidrBlocks ?? []).map((c: string) => ({ CidrIpv6: c, ...d })),
        PrefixListIds: (rule.prefixListIds ?? []).map((c: string) => ({ PrefixListId: c, ...d })),
        UserIdGroupPairs: [...(rule.securityGroups ?? []), ...(rule.self ? [groupId] : [])].map((g: string) => ({ GroupId: g, ...d })),
    };
}

const ruleKey = (r: State) =>
    JSON.stringify(
        normalRule({ cidrBlocks: [], ipv6CidrBlocks: [], prefixListIds: [], securityGroups: [], self: false, description: "", ...r }),
    );

/** Revokes the rules that went, then authorizes the new ones (updateSecurityGroupRules). */
async function updateRules(ctx: Ctx, id: string, direction: "Ingress" | "Egress", olds: State[] = [], news: State[] = []): Promise<void> {
    const removed = olds.filter((o) => !news.some((n) => ruleKey(n) === ruleKey(o)));
    const added = news.filter((n) => !olds.some((o) => ruleKey(n) === ruleKey(o)));
    if (removed.length)
        await ctx.call("ec2", `RevokeSecurityGroup${direction}`, { GroupId: id, IpPermissions: removed.map((r) => permissionsOf(r, id)) });
    if (added.length)
        await ctx.call("ec2", `AuthorizeSecurityGroup${direction}`, { GroupId: id, IpPermissions: added.map((r) => permissionsOf(r, id)) });
}

const securityGroup: ResourceType = {
    autonamed: true,
    schema: {
        token: "aws:ec2/securityGroup:SecurityGroup",
        properties: {
            name: io(str, {
                forceNew: true,
                computed: true,
                alwaysOut: true,
                validate: all(lengthBetween(0, 255), doesNotMatch(/^sg-/, "cannot begin with sg-")),
            }),
            namePrefix: io(str, { forceNew: true, computed: true, alwaysOut: true }),
            // pulumi-aws's default (resource_overrides.go); Terraform's own would be "Managed by Terraform".
            description: io(str, { forceNew: true, default: "Managed by Pulumi", alwaysOut: true, validate: lengthBetween(0, 255) }),
            vpcId: io(str, { forceNew: true, computed: true, alwaysOut: true }),
            ingress: io(set(ruleType("SecurityGroupIngress")), { computed: true, alwaysOut: true }),
            egress: io(set(ruleType("SecurityGroupEgress")), { computed: true, alwaysOut: true }),
            revokeRulesOnDelete: io(bool),
            region: region(),
            tags: tags(),
            arn: out(str),
            ownerId: out(str),
            tagsAll: out(map(str)),
        },
    },
    async create(ctx, inputs) {
        const { GroupId: id } = await step(`creating Security Group (${inputs.name})`, () =>
            ctx.call("ec2", "CreateSecurityGroup", {
                GroupName: inputs.name,
                Description: inputs.description,
                VpcId: inputs.vpcId,
                TagSpecifications: tagSpec("security-group", inputs.tags),
            }),
        );
        try {
            // AWS gives a new group an allow-all egress rule; Terraform revokes it, then authorizes the configured rules.
            await ctx.call("ec2", "RevokeSecurityGroupEgress", {
                GroupId: id,
                IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
            });
            await updateRules(ctx, id, "Ingress", [], inputs.ingress);
            await updateRules(ctx, id, "Egress", [], inputs.egress);
        } catch (e) {
            // The group exists: Pulumi keeps it with the failure (Terraform set its id before updating its rules).
            throw new PartialCreate(
                id,
                (await this.read(ctx, id, inputs)) ?? {},
                `updating Security Group (${id}) ingress rules: ${(e as Error).message}`,
            );
        }
        return { id, state: (await this.read(ctx, id, inputs))! };
    },
    async read(ctx, id, inputs) {
        let g;
        try {
            [g] = (await ctx.call("ec2", "DescribeSecurityGroups", { GroupIds: [id] })).SecurityGroups;
        } catch (e) {
            if (notFound(e, "InvalidGroup.NotFound")) return undefined;
            throw new SdkError(`reading Security Group (${id}): ${(e as Error).message}`);
        }
        return {
            arn: g.SecurityGroupArn,
            description: g.Description,
            egress: rulesOf(g.IpPermissionsEgress, id, inputs?.egress),
            ingress: rulesOf(g.IpPermissions, id, inputs?.ingress),
            name: g.GroupName,
            namePrefix: "",
            ownerId: g.OwnerId,
            region: ctx.region,
            revokeRulesOnDelete: false,
            tags: tagsOut(g.Tags),
            tagsAll: tagsOut(g.Tags),
            vpcId: g.VpcId,
        };
    },
    async update(ctx, id, olds, news) {
        await updateRules(ctx, id, "Ingress", olds.ingress, news.ingress ?? olds.ingress);
        await updateRules(ctx, id, "Egress", olds.egress, news.egress ?? olds.egress);
        await updateEc2Tags(ctx, id, olds.tags, news.tags);
        return (await this.read(ctx, id, news))!;
    },
    async delete(ctx, id) {
        // Terraform retries DependencyViolation until the delete timeout, 15 minutes (vpc_security_group.go).
        await retryDependency(
            ctx,
            `deleting Security Group (${id})`,
            900_000,
            () => ctx.call("ec2", "DeleteSecurityGroup", { GroupId: id }),
            ["InvalidGroup.NotFound"],
        );
    },
};

// --- VPC endpoint ------------------------------------------------------------------------------------------------

const vpcEndpoint: ResourceType = {
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
        const subnets = e.SubnetIds.length ? (await ctx.call("ec2", "DescribeSubnets", { SubnetIds: e.SubnetIds })).Subnets : [];
        return {
            ...endpointAttributes(e, ctx.region),
            autoAccept: false,
            resourceConfigurationArn: "",
            serviceNetworkArn: "",
            subnetConfigurations: subnets.map((s: any) => ({ ipv4: "", ipv6: "", subnetId: s.SubnetId })),
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
        await updateEc2Tags(ctx, id, olds.tags, news.tags);
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

// --- App Runner service ------------------------------------------------------------------------------------------

/** Pulumi's camelCase blocks as App Runner's PascalCase members, maps (environment variables) kept as they are. */
const MAPS = new Set([
    "runtimeEnvironmentVariables",
    "runtimeEnvironmentSecrets",
    "RuntimeEnvironmentVariables",
    "RuntimeEnvironmentSecrets",
]);
function recase(v: unknown, upper: boolean): unknown {
    if (Array.isArray(v)) return v.map((x) => recase(x, upper));
    if (typeof v !== "object" || v === null) return v;
    return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
            upper ? k[0].toUpperCase() + k.slice(1) : k[0].toLowerCase() + k.slice(1),
            MAPS.has(k) ? x : recase(x, upper),
        ]),
    );
}

const image = obj("aws:apprunner/ServiceSourceConfigurationImageRepository:ServiceSourceConfigurationImageRepository", {
    imageIdentifier: io(str, { required: true }),
    imageRepositoryType: io(str, { required: true, validate: oneOf(["ECR", "ECR_PUBLIC"]) }),
    imageConfiguration: io(
        obj(
            "aws:apprunner/ServiceSourceConfigurationImageRepositoryImageConfiguration:ServiceSourceConfigurationImageRepositoryImageConfiguration",
            {
                port: io(str, { default: "8080" }),
                runtimeEnvironmentSecrets: io(map(str)),
                runtimeEnvironmentVariables: io(map(str)),
                startCommand: io(str),
            },
        ),
    ),
});
const codeRepository = obj("aws:apprunner/ServiceSourceConfigurationCodeRepository:ServiceSourceConfigurationCodeRepository", {
    repositoryUrl: io(str, { required: true }),
    sourceCodeVersion: io(
        obj(
            "aws:apprunner/ServiceSourceConfigurationCodeRepositorySourceCodeVersion:ServiceSourceConfigurationCodeRepositorySourceCodeVersion",
            { type: io(str, { required: true }), value: io(str, { required: true }) },
        ),
        { required: true },
    ),
    sourceDirectory: io(str),
    codeConfiguration: io(
        obj(
            "aws:apprunner/ServiceSourceConfigurationCodeRepositoryCodeConfiguration:ServiceSourceConfigurationCodeRepositoryCodeConfiguration",
            {
                configurationSource: io(str, { required: true, validate: oneOf(["REPOSITORY", "API"]) }),
                codeConfigurationValues: io(
                    obj(
                        "aws:apprunner/ServiceSourceConfigurationCodeRepositoryCodeConfigurationCodeConfigurationValues:ServiceSourceConfigurationCodeRepositoryCodeConfigurationCodeConfigurationValues",
                        {
                            runtime: io(str, { required: true }),
                            buildCommand: io(str),
                            port: io(str),
                            startCommand: io(str),
                            runtimeEnvironmentSecrets: io(map(str)),
                            runtimeEnvironmentVariables: io(map(str)),
                        },
                    ),
                ),
            },
        ),
    ),
});

const service: ResourceType = {
    schema: {
        token: "aws:apprunner/service:Service",
        properties: {
            serviceName: io(str, { required: true, forceNew: true, alwaysOut: true }),
            sourceConfiguration: io(
                obj("aws:apprunner/ServiceSourceConfiguration:ServiceSourceConfiguration", {
                    autoDeploymentsEnabled: io(bool, { default: true }),
                    authenticationConfiguration: io(
                        obj(
                            "aws:apprunner/ServiceSourceConfigurationAuthenticationConfiguration:ServiceSourceConfigurationAuthenticationConfiguration",
                            { accessRoleArn: io(str, { validate: arn }), connectionArn: io(str, { validate: arn }) },
                        ),
                    ),
                    imageRepository: io(image),
                    codeRepository: io(codeRepository),
                }),
                { required: true, alwaysOut: true },
            ),
            networkConfiguration: io(
                obj("aws:apprunner/ServiceNetworkConfiguration:ServiceNetworkConfiguration", {
                    egressConfiguration: io(
                        obj("aws:apprunner/ServiceNetworkConfigurationEgressConfiguration:ServiceNetworkConfigurationEgressConfiguration", {
                            egressType: io(str, { default: "DEFAULT", validate: oneOf(["DEFAULT", "VPC"]) }),
                            vpcConnectorArn: io(str, { validate: arn }),
                        }),
                        { computed: true },
                    ),
                    ingressConfiguration: io(
                        obj(
                            "aws:apprunner/ServiceNetworkConfigurationIngressConfiguration:ServiceNetworkConfigurationIngressConfiguration",
                            { isPubliclyAccessible: io(bool, { computed: true }) },
                        ),
                        { computed: true },
                    ),
                    ipAddressType: io(str, { default: "IPV4", validate: oneOf(["IPV4", "DUAL_STACK"]) }),
                }),
                { computed: true, alwaysOut: true },
            ),
            instanceConfiguration: io(
                obj("aws:apprunner/ServiceInstanceConfiguration:ServiceInstanceConfiguration", {
                    cpu: io(str, { default: "1024" }),
                    memory: io(str, { default: "2048" }),
                    instanceRoleArn: io(str, { validate: arn }),
                }),
                { computed: true, alwaysOut: true },
            ),
            healthCheckConfiguration: io(
                obj("aws:apprunner/ServiceHealthCheckConfiguration:ServiceHealthCheckConfiguration", {
                    healthyThreshold: io(int, { default: 1 }),
                    interval: io(int, { default: 5 }),
                    path: io(str, { default: "/" }),
                    protocol: io(str, { default: "TCP", validate: oneOf(["TCP", "HTTP"]) }),
                    timeout: io(int, { default: 2 }),
                    unhealthyThreshold: io(int, { default: 5 }),
                }),
                { computed: true, alwaysOut: true },
            ),
            encryptionConfiguration: io(
                obj("aws:apprunner/ServiceEncryptionConfiguration:ServiceEncryptionConfiguration", {
                    kmsKey: io(str, { required: true, validate: arn }),
                }),
                { forceNew: true },
            ),
            observabilityConfiguration: io(
                obj("aws:apprunner/ServiceObservabilityConfiguration:ServiceObservabilityConfiguration", {
                    observabilityEnabled: io(bool, { required: true }),
                    observabilityConfigurationArn: io(str, { validate: arn }),
                }),
            ),
            autoScalingConfigurationArn: io(str, { computed: true, alwaysOut: true, validate: arn }),
            region: region(),
            tags: tags(),
            arn: out(str),
            serviceId: out(str),
            serviceUrl: out(str),
            status: out(str),
            tagsAll: out(map(str)),
        },
    },
    async create(ctx, inputs) {
        const { Service: s } = await step(`creating App Runner Service (${inputs.serviceName})`, () =>
            ctx.call("apprunner", "CreateService", {
                ServiceName: inputs.serviceName,
                SourceConfiguration: recase(inputs.sourceConfiguration, true),
                NetworkConfiguration: recase(inputs.networkConfiguration, true),
                InstanceConfiguration: recase(inputs.instanceConfiguration, true),
                HealthCheckConfiguration: recase(inputs.healthCheckConfiguration, true),
                EncryptionConfiguration: recase(inputs.encryptionConfiguration, true),
                ObservabilityConfiguration: recase(inputs.observabilityConfiguration, true),
                AutoScalingConfigurationArn: inputs.autoScalingConfigurationArn,
                Tags: tagList(inputs.tags),
            }),
        );
        const id = s.ServiceArn;
        try {
            // Fixed at 20 minutes (service.go: serviceCreateTimeout).
            await waitFor(ctx, `waiting for App Runner Service (${id}) create`, {
                pending: ["OPERATION_IN_PROGRESS"],
                target: ["RUNNING"],
                timeoutMs: 1_200_000,
                pollMs: 10_000,
                refresh: () => serviceStatus(ctx, id),
            });
        } catch (e) {
            throw new PartialCreate(id, (await this.read(ctx, id)) ?? {}, (e as Error).message);
        }
        return { id, state: (await this.read(ctx, id))! };
    },
    async read(ctx, id) {
        let s;
        try {
            ({ Service: s } = await ctx.call("apprunner", "DescribeService", { ServiceArn: id }));
        } catch (e) {
            if (notFound(e, "ResourceNotFoundException")) return undefined;
            throw new SdkError(`reading App Runner Service (${id}): ${(e as Error).message}`);
        }
        if (s.Status === "DELETED") return undefined;
        const t = (await ctx.call("apprunner", "ListTagsForResource", { ResourceArn: id })).Tags;
        return {
            arn: s.ServiceArn,
            autoScalingConfigurationArn: s.AutoScalingConfigurationSummary.AutoScalingConfigurationArn,
            ...(s.EncryptionConfiguration ? { encryptionConfiguration: recase(s.EncryptionConfiguration, false) } : {}),
            healthCheckConfiguration: recase(s.HealthCheckConfiguration, false),
            instanceConfiguration: recase(s.InstanceConfiguration, false),
            networkConfiguration: recase(s.NetworkConfiguration, false),
            ...(s.ObservabilityConfiguration ? { observabilityConfiguration: recase(s.ObservabilityConfiguration, false) } : {}),
            region: ctx.region,
            serviceId: s.ServiceId,
            serviceName: s.ServiceName,
            serviceUrl: s.ServiceUrl ?? "",
            sourceConfiguration: recase(s.SourceConfiguration, false),
            status: s.Status,
            tags: tagsOut(t),
            tagsAll: tagsOut(t),
        };
    },
    async update(ctx, id, olds, news) {
        const changed = (k: string) => news[k] !== undefined && JSON.stringify(news[k]) !== JSON.stringify(olds[k]);
        const params: Record<string, unknown> = { ServiceArn: id };
        for (const k of [
            "sourceConfiguration",
            "networkConfiguration",
            "instanceConfiguration",
            "healthCheckConfiguration",
            "observabilityConfiguration",
        ]) {
            if (changed(k)) params[k[0].toUpperCase() + k.slice(1)] = recase(news[k], true);
        }
        if (changed("autoScalingConfigurationArn")) params.AutoScalingConfigurationArn = news.autoScalingConfigurationArn;
        if (Object.keys(params).length > 1) {
            await step(`updating App Runner Service (${id})`, () => ctx.call("apprunner", "UpdateService", params));
            await waitFor(ctx, `waiting for App Runner Service (${id}) update`, {
                pending: ["OPERATION_IN_PROGRESS"],
                target: ["RUNNING"],
                timeoutMs: 1_200_000,
                pollMs: 10_000,
                refresh: () => serviceStatus(ctx, id),
            });
        }
        await updateAppRunnerTags(ctx, id, olds.tags, news.tags);
        return (await this.read(ctx, id))!;
    },
    async delete(ctx, id) {
        try {
            await ctx.call("apprunner", "DeleteService", { ServiceArn: id });
        } catch (e) {
            if (notFound(e, "ResourceNotFoundException")) return;
            throw new SdkError(`deleting App Runner Service (${id}): ${(e as Error).message}`, (e as SdkError).code);
        }
        await waitFor(ctx, `waiting for App Runner Service (${id}) delete`, {
            pending: ["OPERATION_IN_PROGRESS"],
            target: [],
            timeoutMs: 1_200_000,
            pollMs: 10_000,
            refresh: () => serviceStatus(ctx, id),
        });
    },
};

async function serviceStatus(ctx: Ctx, arn: string): Promise<string | undefined> {
    try {
        const status = (await ctx.call("apprunner", "DescribeService", { ServiceArn: arn })).Service.Status;
        return status === "DELETED" ? undefined : status;
    } catch (e) {
        if (notFound(e, "ResourceNotFoundException")) return undefined;
        throw e;
    }
}

async function updateAppRunnerTags(
    ctx: Ctx,
    arn: string,
    olds: Record<string, string> = {},
    news: Record<string, string> = {},
): Promise<void> {
    const removed = Object.keys(olds).filter((k) => !(k in news));
    const changed = Object.entries(news).filter(([k, v]) => olds[k] !== v);
    if (removed.length) await ctx.call("apprunner", "UntagResource", { ResourceArn: arn, TagKeys: removed });
    if (changed.length)
        await ctx.call("apprunner", "TagResource", { ResourceArn: arn, Tags: changed.map(([Key, Value]) => ({ Key, Value })) });
}

// --- App Runner VPC ingress connection -----------------------------------------------------------------------------

const vpcIngressConnection: ResourceType = {
    autonamed: true,
    schema: {
        token: "aws:apprunner/vpcIngressConnection:VpcIngressConnection",
        properties: {
            // ForceNew: serviceArn since the Terraform provider 5.84 (PR #40927); name and ingressVpcConfiguration per the
            // same PR's review, unverified in a released version (AWS-FACTS.md).
            name: io(str, { forceNew: true, computed: true, alwaysOut: true }),
            serviceArn: io(str, { required: true, forceNew: true, alwaysOut: true, validate: arn }),
            ingressVpcConfiguration: io(
                obj("aws:apprunner/VpcIngressConnectionIngressVpcConfiguration:VpcIngressConnectionIngressVpcConfiguration", {
                    vpcId: io(str),
                    vpcEndpointId: io(str),
                }),
                { required: true, forceNew: true, alwaysOut: true },
            ),
            region: region(),
            tags: tags(),
            arn: out(str),
            domainName: out(str),
            status: out(str),
            tagsAll: out(map(str)),
        },
    },
    async create(ctx, inputs) {
        const { VpcIngressConnection: c } = await step(`creating App Runner VPC Ingress Connection (${inputs.name})`, () =>
            ctx.call("apprunner", "CreateVpcIngressConnection", {
                ServiceArn: inputs.serviceArn,
                VpcIngressConnectionName: inputs.name,
                IngressVpcConfiguration: {
                    VpcId: inputs.ingressVpcConfiguration?.vpcId,
                    VpcEndpointId: inputs.ingressVpcConfiguration?.vpcEndpointId,
                },
                Tags: tagList(inputs.tags),
            }),
        );
        const id = c.VpcIngressConnectionArn;
        try {
            // Fixed at 2 minutes, whatever customTimeouts says (vpc_ingress_connection.go: no Timeouts block).
            await waitFor(ctx, `waiting for App Runner VPC Ingress Connection (${id}) create`, {
                pending: ["PENDING_CREATION"],
                target: ["AVAILABLE"],
                timeoutMs: 120_000,
                pollMs: 5_000,
                refresh: () => connectionStatus(ctx, id),
            });
        } catch (e) {
            throw new PartialCreate(id, (await this.read(ctx, id)) ?? {}, (e as Error).message);
        }
        return { id, state: (await this.read(ctx, id))! };
    },
    async read(ctx, id) {
        let c;
        try {
            ({ VpcIngressConnection: c } = await ctx.call("apprunner", "DescribeVpcIngressConnection", { VpcIngressConnectionArn: id }));
        } catch (e) {
            if (notFound(e, "ResourceNotFoundException")) return undefined;
            throw new SdkError(`reading App Runner VPC Ingress Connection (${id}): ${(e as Error).message}`);
        }
        // A DELETED connection is gone (findVPCIngressConnectionByARN).
        if (c.Status === "DELETED") return undefined;
        const t = (await ctx.call("apprunner", "ListTagsForResource", { ResourceArn: id })).Tags;
        return {
            arn: c.VpcIngressConnectionArn,
            domainName: c.DomainName,
            ingressVpcConfiguration: {
                vpcEndpointId: c.IngressVpcConfiguration.VpcEndpointId ?? "",
                vpcId: c.IngressVpcConfiguration.VpcId ?? "",
            },
            name: c.VpcIngressConnectionName,
            region: ctx.region,
            serviceArn: c.ServiceArn,
            status: c.Status,
            tags: tagsOut(t),
            tagsAll: tagsOut(t),
        };
    },
    async update(ctx, id, olds, news) {
        // Tags only (resourceVPCIngressConnectionUpdate): everything else replaces the connection.
        await updateAppRunnerTags(ctx, id, olds.tags, news.tags);
        return (await this.read(ctx, id))!;
    },
    async delete(ctx, id) {
        try {
            await ctx.call("apprunner", "DeleteVpcIngressConnection", { VpcIngressConnectionArn: id });
        } catch (e) {
            if (notFound(e, "ResourceNotFoundException")) return;
            throw new SdkError(`deleting App Runner VPC Ingress Connection (${id}): ${(e as Error).message}`, (e as SdkError).code);
        }
        await waitFor(ctx, `waiting for App Runner VPC Ingress Connection (${id}) delete`, {
            pending: ["AVAILABLE", "PENDING_DELETION"],
            target: [],
            timeoutMs: 120_000,
            pollMs: 5_000,
            refresh: () => connectionStatus(ctx, id),
        });
    },
};

async function connectionStatus(ctx: Ctx, arn: string): Promise<string | undefined> {
    try {
        const status = (await ctx.call("apprunner", "DescribeVpcIngressConnection", { VpcIngressConnectionArn: arn })).VpcIngressConnection
            .Status;
        return status === "DELETED" ? undefined : status;
    } catch (e) {
        if (notFound(e, "ResourceNotFoundException")) return undefined;
        throw e;
    }
}

export const RESOURCES: Record<string, ResourceType> = Object.fromEntries(
    [vpc, subnet, securityGroup, vpcEndpoint, service, vpcIngressConnection].map((r) => [r.schema.token, r]),
);

/** The types the stand-in creates; anything else is not modelled. */
export const MODELLED_TYPES = Object.keys(RESOURCES);
export const [VPC, SUBNET, SECURITY_GROUP, VPC_ENDPOINT, SERVICE, CONNECTION] = MODELLED_TYPES;

export type { FunctionSchema, Prop };
