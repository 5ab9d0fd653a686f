// The account every model starts from: VPCs, subnets, security groups, an App Runner endpoint and services that exist
// before any program runs, as an account would have them. Tests name them through TOPOLOGY; `--topology` files and
// the console add more. Everything here is part of the account's baseline, which the console's `list` leaves out.
import { Account, AccountState, wallClock } from "./account";
import { addService } from "./apprunner";
import { APP_RUNNER_REGIONS, addSubnet, addVpc, permission } from "./ec2/index";
import { addNetworkInterface } from "./ec2/networkInterfaces";
import { ec2Id, hex } from "./ids";

export const ACCOUNT_ID = "123456789012";
/** Another account, owning a subnet shared with ACCOUNT_ID through AWS RAM. */
export const OTHER_ACCOUNT_ID = "210987654321";
export const DEFAULT_REGION = "us-east-1";

/** The ARN of a service of the starting account (or one a test adds), from its name and region. */
export function serviceArn(name: string, region = DEFAULT_REGION): string {
    return `arn:aws:apprunner:${region}:${ACCOUNT_ID}:service/${name}/${hex(`service/${region}/${name}`, 32)}`;
}

/**
 * One VPC with four subnets (two in us-east-1a) and a subnet shared by another account, another VPC, a dual-stack VPC
 * (two IPv6 subnets, one IPv4-only), an EU VPC; an App Runner endpoint with its security group; three services.
 */
export const TOPOLOGY = {
    vpcId: ec2Id("vpc", "main"),
    vpcCidrBlocks: ["10.0.0.0/16", "10.1.0.0/16"],
    subnetA: ec2Id("subnet", "a"),
    subnetB: ec2Id("subnet", "b"),
    subnetC: ec2Id("subnet", "c"),
    subnetA2: ec2Id("subnet", "a2"),
    otherVpcId: ec2Id("vpc", "other"),
    otherSubnet: ec2Id("subnet", "other"),
    euVpcId: ec2Id("vpc", "eu"),
    euSubnetA: ec2Id("subnet", "eu-a"),
    euSubnetB: ec2Id("subnet", "eu-b"),
    /** In the main VPC, us-east-1c, owned by OTHER_ACCOUNT_ID (shared through AWS RAM). */
    sharedSubnet: ec2Id("subnet", "shared"),
    dualVpcId: ec2Id("vpc", "dual"),
    dualVpcIpv6CidrBlock: "2600:1f18:abcd:1200::/56",
    dualSubnetA: ec2Id("subnet", "dual-a"),
    dualSubnetB: ec2Id("subnet", "dual-b"),
    /** In the dual-stack VPC, without an IPv6 block. */
    dualSubnetV4Only: ec2Id("subnet", "dual-v4"),
    /** An App Runner interface endpoint in the main VPC (subnets a and b) that exists before the program runs. */
    existingEndpointId: ec2Id("vpce", "existing"),
    /** Its security group: TCP 443 from the main VPC's blocks. */
    existingSecurityGroupId: ec2Id("sg", "existing"),
    /** us-east-1's default VPC (172.31.0.0/16), with a default subnet in each zone, as every account has one. */
    defaultVpcId: ec2Id("vpc", "default/us-east-1"),
    apiServiceArn: serviceArn("api-service"),
    adminServiceArn: serviceArn("admin-service"),
    euServiceArn: serviceArn("eu-api", "eu-west-1"),
};

/** Existing VPCs, subnets, App Runner endpoints and services, besides TOPOLOGY (the plan's `--topology` file). */
export interface Topology {
    /** `default: true` makes the VPC its region's default VPC, in place of the one every region has. */
    vpcs?: { id: string; region?: string; cidrBlocks: string[]; ipv6CidrBlock?: string; default?: boolean }[];
    subnets?: { id: string; vpcId: string; availabilityZone: string; cidrBlock: string; ipv6CidrBlock?: string; ownerId?: string }[];
    endpoints?: { id: string; vpcId: string; subnetIds?: string[]; securityGroupIds?: string[] }[];
    securityGroups?: { id: string; vpcId: string; name?: string }[];
    services?: string[];
    /**
     * Endpoint services offered in fewer Availability Zones than their region has (DescribeVpcEndpointServices'
     * AvailabilityZones), e.g. `{ "name": "com.amazonaws.us-east-1.apprunner.requests", "availabilityZones": ["us-east-1a"] }`.
     */
    endpointServices?: { name: string; availabilityZones: string[] }[];
    /** Network interfaces of the account's own (an instance's, a function's) in a subnet, in security groups. */
    networkInterfaces?: { subnetId: string; securityGroupIds: string[]; description?: string }[];
}

/** Adds existing resources to an account, in the regions their ids or zones say (else `defaultRegion`). */
export function addTopology(account: Account, topology: Topology, defaultRegion = DEFAULT_REGION): void {
    const regionOfVpc = (id: string) => account.state.vpcs.find((v) => v.VpcId === id)?.Region ?? defaultRegion;
    for (const v of topology.vpcs ?? [])
        addVpc(account, v.region ?? defaultRegion, {
            VpcId: v.id,
            CidrBlocks: v.cidrBlocks,
            Ipv6CidrBlock: v.ipv6CidrBlock,
            IsDefault: v.default === true,
        });
    for (const s of topology.subnets ?? []) {
        addSubnet(account, s.availabilityZone.slice(0, -1), {
            SubnetId: s.id,
            VpcId: s.vpcId,
            CidrBlock: s.cidrBlock,
            AvailabilityZone: s.availabilityZone,
            Ipv6CidrBlock: s.ipv6CidrBlock,
            OwnerId: s.ownerId,
        });
    }
    for (const g of topology.securityGroups ?? []) addGroup(account, regionOfVpc(g.vpcId), g.id, g.vpcId, g.name ?? g.id, []);
    for (const e of topology.endpoints ?? []) {
        const region = regionOfVpc(e.vpcId);
        const subnets =
            e.subnetIds ??
            account.state.subnets
                .filter((s) => s.VpcId === e.vpcId)
                .slice(0, 1)
                .map((s) => s.SubnetId);
        const groups = e.securityGroupIds ?? [
            account.state.securityGroups.find((g) => g.VpcId === e.vpcId && g.GroupName === "default")!.GroupId,
        ];
        addEndpoint(account, region, e.id, e.vpcId, subnets, groups);
    }
    for (const arn of topology.services ?? []) addExistingService(account, arn);
    for (const e of topology.endpointServices ?? []) (account.state.endpointServiceZones ??= {})[e.name] = e.availabilityZones;
    for (const n of topology.networkInterfaces ?? []) {
        const subnet = account.state.subnets.find((s) => s.SubnetId === n.subnetId);
        if (!subnet) throw new Error(`networkInterfaces: no subnet ${n.subnetId}`);
        addNetworkInterface(account, subnet.Region, { SubnetId: n.subnetId, GroupIds: n.securityGroupIds, Description: n.description });
    }
    account.state.baseline = [...new Set([...account.state.baseline, ...baselineIds(account.state)])];
}

function addGroup(account: Account, region: string, id: string, vpcId: string, name: string, cidrs: string[]) {
    account.state.securityGroups.push({
        GroupId: id,
        GroupName: name,
        Description: name,
        Region: region,
        VpcId: vpcId,
        OwnerId: account.accountId,
        SecurityGroupArn: `arn:aws:ec2:${region}:${account.accountId}:security-group/${id}`,
        IpPermissions: cidrs.length ? [permission("tcp", 443, 443, { IpRanges: cidrs.map((CidrIp) => ({ CidrIp })) })] : [],
        IpPermissionsEgress: [],
        Tags: [],
    });
}

function addEndpoint(account: Account, region: string, id: string, vpcId: string, subnetIds: string[], groupIds: string[]) {
    const serviceName = `com.amazonaws.${region}.apprunner.requests`;
    const name = `${id}-${hex(`${id}/dns`, 8)}.apprunner.requests.${region}.vpce.amazonaws.com`;
    account.state.vpcEndpoints.push({
        VpcEndpointId: id,
        VpcEndpointType: "Interface",
        Region: region,
        VpcId: vpcId,
        ServiceName: serviceName,
        State: "available",
        RouteTableIds: [],
        SubnetIds: subnetIds,
        Groups: groupIds.map((g) => ({ GroupId: g, GroupName: account.state.securityGroups.find((x) => x.GroupId === g)?.GroupName ?? g })),
        IpAddressType: "ipv4",
        DnsOptions: { DnsRecordIpType: "ipv4", PrivateDnsOnlyForInboundResolverEndpoint: false },
        PrivateDnsEnabled: false,
        RequesterManaged: false,
        NetworkInterfaceIds: subnetIds.map((s) => ec2Id("eni", `${id}/${s}`)),
        DnsEntries: [{ DnsName: name, HostedZoneId: "Z7HUB22UULQXV" }],
        CreationTimestamp: "2025-01-01T00:00:00.000Z",
        OwnerId: account.accountId,
        Tags: [],
    });
}

/** A running, private service that exists before the program (its ARN gives its name, id and region). */
export function addExistingService(account: Account, arn: string): void {
    const [, , , region, , resource] = arn.split(":");
    const name = resource.split("/")[1];
    if (account.state.services.some((s) => s.ServiceArn === arn)) return;
    addService(account, region, {
        ServiceArn: arn,
        ServiceName: name,
        SourceConfiguration: {
            ImageRepository: {
                ImageIdentifier: `${account.accountId}.dkr.ecr.${region}.amazonaws.com/${name}:latest`,
                ImageRepositoryType: "ECR",
            },
        },
        NetworkConfiguration: { IngressConfiguration: { IsPubliclyAccessible: false } },
    });
}

/** A region's default VPC and its default subnets (VPC User Guide, "Default VPCs"). */
function addDefaultVpc(account: Account, region: string): void {
    const vpc = addVpc(account, region, { VpcId: ec2Id("vpc", `default/${region}`), CidrBlocks: ["172.31.0.0/16"], IsDefault: true });
    ["a", "b", "c"].forEach((zone, i) => {
        const s = addSubnet(account, region, {
            SubnetId: ec2Id("subnet", `default/${region}${zone}`),
            VpcId: vpc.VpcId,
            CidrBlock: `172.31.${i * 16}.0/20`,
            AvailabilityZone: `${region}${zone}`,
        });
        Object.assign(s, { DefaultForAz: true, MapPublicIpOnLaunch: true });
    });
}

function baselineIds(state: AccountState): string[] {
    return [
        ...state.vpcs.map((v) => v.VpcId),
        ...state.subnets.map((s) => s.SubnetId),
        ...state.securityGroups.map((g) => g.GroupId),
        ...state.vpcEndpoints.map((e) => e.VpcEndpointId),
        ...state.services.map((s) => s.ServiceArn),
        ...state.connections.map((c) => c.VpcIngressConnectionArn),
    ];
}

/** The starting account: TOPOLOGY, then the extra topology given. */
export function startingAccount(extra?: Topology, defaultRegion = DEFAULT_REGION): AccountState {
    const t = TOPOLOGY;
    const account = new Account(Account.empty(ACCOUNT_ID), wallClock());
    addVpc(account, "us-east-1", { VpcId: t.vpcId, CidrBlocks: t.vpcCidrBlocks });
    addVpc(account, "us-east-1", { VpcId: t.otherVpcId, CidrBlocks: ["172.16.0.0/16"] });
    addVpc(account, "eu-west-1", { VpcId: t.euVpcId, CidrBlocks: ["10.20.0.0/16"] });
    addVpc(account, "us-east-1", { VpcId: t.dualVpcId, CidrBlocks: ["10.30.0.0/16"], Ipv6CidrBlock: t.dualVpcIpv6CidrBlock });
    const subnet = (id: string, vpcId: string, zone: string, cidr: string, more: { Ipv6CidrBlock?: string; OwnerId?: string } = {}) =>
        addSubnet(account, zone.slice(0, -1), { SubnetId: id, VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone, ...more });
    subnet(t.subnetA, t.vpcId, "us-east-1a", "10.0.0.0/24");
    subnet(t.subnetB, t.vpcId, "us-east-1b", "10.0.1.0/24");
    subnet(t.subnetC, t.vpcId, "us-east-1c", "10.0.2.0/24");
    subnet(t.subnetA2, t.vpcId, "us-east-1a", "10.0.3.0/24");
    subnet(t.otherSubnet, t.otherVpcId, "us-east-1b", "172.16.0.0/24");
    subnet(t.euSubnetA, t.euVpcId, "eu-west-1a", "10.20.0.0/24");
    subnet(t.euSubnetB, t.euVpcId, "eu-west-1b", "10.20.1.0/24");
    subnet(t.sharedSubnet, t.vpcId, "us-east-1c", "10.0.9.0/24", { OwnerId: OTHER_ACCOUNT_ID });
    subnet(t.dualSubnetA, t.dualVpcId, "us-east-1a", "10.30.0.0/24", { Ipv6CidrBlock: "2600:1f18:abcd:1200::/64" });
    subnet(t.dualSubnetB, t.dualVpcId, "us-east-1b", "10.30.1.0/24", { Ipv6CidrBlock: "2600:1f18:abcd:1201::/64" });
    subnet(t.dualSubnetV4Only, t.dualVpcId, "us-east-1c", "10.30.2.0/24");
    // Every region has a default VPC (EC2 User Guide, "Default VPCs"), unless the topology names its own.
    const ownDefaults = new Set((extra?.vpcs ?? []).filter((v) => v.default === true).map((v) => v.region ?? defaultRegion));
    for (const region of APP_RUNNER_REGIONS) if (!ownDefaults.has(region)) addDefaultVpc(account, region);
    addGroup(account, "us-east-1", t.existingSecurityGroupId, t.vpcId, "existing-apprunner-endpoint", t.vpcCidrBlocks);
    addEndpoint(account, "us-east-1", t.existingEndpointId, t.vpcId, [t.subnetA, t.subnetB], [t.existingSecurityGroupId]);
    for (const arn of [t.apiServiceArn, t.adminServiceArn, t.euServiceArn]) addExistingService(account, arn);
    addTopology(account, extra ?? {}, defaultRegion);
    // Ids made for the topology (default security groups) must not repeat what a test's account makes next.
    account.state.serial = 1000;
    return account.state;
}
