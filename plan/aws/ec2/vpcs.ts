// EC2 VPCs, subnets and Availability Zones: CreateVpc, DescribeVpcs, Modify/DescribeVpcAttribute, DeleteVpc, CreateSubnet,
// DescribeSubnets, DeleteSubnet, DescribeAvailabilityZones.
import { Account, IpPermission, SecurityGroup, Subnet, Tag, Vpc } from "../account";
import { contains, overlaps, parseCidr } from "../cidr";
import { fail } from "../errors";
import { hex, zoneId } from "../ids";
import { answer, describe, Ec2Handler, subnetNotFound, subnetOf, tagsOf, vpcNotFound, vpcOf, ZONE_LETTERS } from "./common";

// --- VPCs and subnets --------------------------------------------------------------------------------------------

/** A VPC's default security group: inbound from itself, outbound to anywhere (VPC User Guide, default-security-group). */
function defaultGroup(account: Account, vpc: Vpc): SecurityGroup {
    const id = account.newEc2Id("sg");
    return {
        GroupId: id,
        GroupName: "default",
        Description: "default VPC security group",
        Region: vpc.Region,
        VpcId: vpc.VpcId,
        OwnerId: account.accountId,
        SecurityGroupArn: `arn:aws:ec2:${vpc.Region}:${account.accountId}:security-group/${id}`,
        IpPermissions: [permission("-1", undefined, undefined, { UserIdGroupPairs: [{ GroupId: id, UserId: account.accountId }] })],
        IpPermissionsEgress: [permission("-1", undefined, undefined, { IpRanges: [{ CidrIp: "0.0.0.0/0" }] })],
        Tags: [],
    };
}

export function permission(
    protocol: string,
    from: number | undefined,
    to: number | undefined,
    sources: Partial<IpPermission>,
): IpPermission {
    return {
        IpProtocol: protocol,
        ...(from === undefined ? {} : { FromPort: from, ToPort: to }),
        IpRanges: [],
        Ipv6Ranges: [],
        UserIdGroupPairs: [],
        PrefixListIds: [],
        ...sources,
    };
}

/** Makes a VPC (with its default security group) for the account's starting topology and for CreateVpc. */
export function addVpc(
    account: Account,
    region: string,
    p: { VpcId?: string; CidrBlocks: string[]; Ipv6CidrBlock?: string; Tags?: Tag[]; IsDefault?: boolean },
): Vpc {
    const id = p.VpcId ?? account.newEc2Id("vpc");
    const vpc: Vpc = {
        VpcId: id,
        Region: region,
        OwnerId: account.accountId,
        CidrBlock: p.CidrBlocks[0],
        CidrBlockAssociationSet: p.CidrBlocks.map((c, i) => ({
            AssociationId: `vpc-cidr-assoc-${hex(`${id}/${i}`, 17)}`,
            CidrBlock: c,
            CidrBlockState: { State: "associated" },
        })),
        Ipv6CidrBlockAssociationSet: p.Ipv6CidrBlock
            ? [
                  {
                      AssociationId: `vpc-cidr-assoc-${hex(`${id}/v6`, 17)}`,
                      Ipv6CidrBlock: p.Ipv6CidrBlock,
                      Ipv6CidrBlockState: { State: "associated" },
                      NetworkBorderGroup: region,
                  },
              ]
            : [],
        State: "available",
        IsDefault: p.IsDefault ?? false,
        InstanceTenancy: "default",
        DhcpOptionsId: `dopt-${hex(`${region}/dopt`, 17)}`,
        EnableDnsSupport: true,
        EnableDnsHostnames: p.IsDefault ?? false,
        MainRouteTableId: `rtb-${hex(`${id}/main`, 17)}`,
        DefaultNetworkAclId: `acl-${hex(`${id}/acl`, 17)}`,
        Tags: p.Tags ?? [],
    };
    account.state.vpcs.push(vpc);
    account.state.securityGroups.push(defaultGroup(account, vpc));
    return vpc;
}

export function addSubnet(
    account: Account,
    region: string,
    p: {
        SubnetId?: string;
        VpcId: string;
        CidrBlock: string;
        AvailabilityZone: string;
        Ipv6CidrBlock?: string;
        OwnerId?: string;
        Tags?: Tag[];
    },
): Subnet {
    const id = p.SubnetId ?? account.newEc2Id("subnet");
    const owner = p.OwnerId ?? account.accountId;
    const subnet: Subnet = {
        SubnetId: id,
        SubnetArn: `arn:aws:ec2:${region}:${owner}:subnet/${id}`,
        Region: region,
        VpcId: p.VpcId,
        OwnerId: owner,
        AvailabilityZone: p.AvailabilityZone,
        AvailabilityZoneId: zoneId(p.AvailabilityZone),
        CidrBlock: p.CidrBlock,
        Ipv6CidrBlockAssociationSet: p.Ipv6CidrBlock
            ? [
                  {
                      AssociationId: `subnet-cidr-assoc-${hex(`${id}/v6`, 17)}`,
                      Ipv6CidrBlock: p.Ipv6CidrBlock,
                      Ipv6CidrBlockState: { State: "associated" },
                  },
              ]
            : [],
        State: "available",
        DefaultForAz: false,
        MapPublicIpOnLaunch: false,
        AssignIpv6AddressOnCreation: false,
        // Every block but the 5 addresses AWS reserves in each subnet (VPC User Guide, "Subnet CIDR blocks").
        AvailableIpAddressCount: 2 ** (32 - parseCidr(p.CidrBlock)!.prefix) - 5,
        Tags: p.Tags ?? [],
    };
    account.state.subnets.push(subnet);
    return subnet;
}

const vpcFields: Record<string, (v: Vpc) => unknown> = {
    "vpc-id": (v) => v.VpcId,
    cidr: (v) => v.CidrBlock,
    "cidr-block-association.cidr-block": (v) => v.CidrBlockAssociationSet.map((a) => a.CidrBlock),
    "is-default": (v) => v.IsDefault,
    state: (v) => v.State,
    "owner-id": (v) => v.OwnerId,
    "dhcp-options-id": (v) => v.DhcpOptionsId,
    "ipv6-cidr-block-association.ipv6-cidr-block": (v) => v.Ipv6CidrBlockAssociationSet.map((a) => a.Ipv6CidrBlock),
};
const subnetFields: Record<string, (s: Subnet) => unknown> = {
    "subnet-id": (s) => s.SubnetId,
    "vpc-id": (s) => s.VpcId,
    "availability-zone": (s) => s.AvailabilityZone,
    "availability-zone-id": (s) => s.AvailabilityZoneId,
    "cidr-block": (s) => s.CidrBlock,
    "default-for-az": (s) => s.DefaultForAz,
    state: (s) => s.State,
    "owner-id": (s) => s.OwnerId,
    "ipv6-cidr-block-association.ipv6-cidr-block": (s) => s.Ipv6CidrBlockAssociationSet.map((a) => a.Ipv6CidrBlock),
};

export const CreateVpc: Ec2Handler = (account, region, p) => {
    // A VPC's block is IPv4, /16 to /28 (VPC User Guide, "VPC CIDR blocks"); EC2 answers InvalidVpc.Range otherwise.
    const cidr = parseCidr(p.CidrBlock);
    if (cidr?.version !== 4 || cidr.prefix < 16 || cidr.prefix > 28) fail("InvalidVpc.Range", `The CIDR '${p.CidrBlock}' is invalid.`);
    // An Amazon-provided IPv6 block is a /56 from Amazon's pool (VPC User Guide, "IPv6 CIDR blocks").
    const serial = account.state.serial;
    const v6 = p.AmazonProvidedIpv6CidrBlock ? `2600:1f18:${hex(`v6/${serial}`, 4)}:${hex(`v6b/${serial}`, 2)}00::/56` : undefined;
    const vpc = addVpc(account, region, { CidrBlocks: [cidr.network], Ipv6CidrBlock: v6, Tags: tagsOf(p.TagSpecifications, "vpc") });
    if (p.InstanceTenancy) vpc.InstanceTenancy = p.InstanceTenancy;
    return { Vpc: answer(vpc) };
};

export const DescribeVpcs: Ec2Handler = (account, region, p) => ({
    Vpcs: describe(account.state.vpcs, region, p.VpcIds, (v) => v.VpcId, "vpc", vpcNotFound, p.Filters, vpcFields),
});

export const ModifyVpcAttribute: Ec2Handler = (account, region, p) => {
    const vpc = vpcOf(account, region, p.VpcId);
    if (p.EnableDnsSupport) vpc.EnableDnsSupport = Boolean(p.EnableDnsSupport.Value);
    if (p.EnableDnsHostnames) vpc.EnableDnsHostnames = Boolean(p.EnableDnsHostnames.Value);
    return {};
};

export const DescribeVpcAttribute: Ec2Handler = (account, region, p) => {
    const vpc = vpcOf(account, region, p.VpcId);
    const attribute: string = p.Attribute;
    const value =
        attribute === "enableDnsSupport" ? vpc.EnableDnsSupport : attribute === "enableDnsHostnames" ? vpc.EnableDnsHostnames : false;
    return { VpcId: vpc.VpcId, [attribute[0].toUpperCase() + attribute.slice(1)]: { Value: value } };
};

export const DeleteVpc: Ec2Handler = (account, region, p) => {
    const vpc = vpcOf(account, region, p.VpcId);
    const inUse =
        account.state.subnets.some((s) => s.VpcId === vpc.VpcId) ||
        account.state.vpcEndpoints.some((e) => e.VpcId === vpc.VpcId) ||
        account.state.securityGroups.some((g) => g.VpcId === vpc.VpcId && g.GroupName !== "default");
    // Real text (public issues, e.g. hashicorp/terraform-provider-aws): "The vpc 'vpc-…' has dependencies and cannot be deleted."
    if (inUse) fail("DependencyViolation", `The vpc '${vpc.VpcId}' has dependencies and cannot be deleted.`);
    account.state.vpcs = account.state.vpcs.filter((v) => v !== vpc);
    account.state.securityGroups = account.state.securityGroups.filter((g) => g.VpcId !== vpc.VpcId);
    return {};
};

export const CreateSubnet: Ec2Handler = (account, region, p) => {
    const vpc = vpcOf(account, region, p.VpcId);
    const zone: string =
        p.AvailabilityZone ?? (p.AvailabilityZoneId ? zoneByIdOf(region, p.AvailabilityZoneId) : `${region}${ZONE_LETTERS[0]}`);
    if (!ZONE_LETTERS.some((l) => zone === `${region}${l}`)) {
        fail(
            "InvalidParameterValue",
            `Value (${zone}) for parameter availabilityZone is invalid. Subnets can currently only be ` +
                `created in the following availability zones: ` +
                `${ZONE_LETTERS.map((l) => region + l).join(", ")}.`,
        );
    }
    // A subnet's block lies within one of its VPC's blocks, /16 to /28, and overlaps no other subnet of the VPC
    // (VPC User Guide, "Subnet CIDR blocks"); EC2 answers InvalidSubnet.Range / InvalidSubnet.Conflict.
    const cidr = parseCidr(p.CidrBlock);
    if (
        cidr?.version !== 4 ||
        cidr.prefix < 16 ||
        cidr.prefix > 28 ||
        !vpc.CidrBlockAssociationSet.some((a) => contains(a.CidrBlock, cidr.network))
    ) {
        fail("InvalidSubnet.Range", `The CIDR '${p.CidrBlock}' is invalid.`);
    }
    if (account.state.subnets.some((s) => s.VpcId === vpc.VpcId && overlaps(s.CidrBlock, cidr.network))) {
        fail("InvalidSubnet.Conflict", `The CIDR '${p.CidrBlock}' conflicts with another subnet`);
    }
    if (p.Ipv6CidrBlock !== undefined) {
        const v6 = parseCidr(p.Ipv6CidrBlock);
        const vpcV6 = vpc.Ipv6CidrBlockAssociationSet[0]?.Ipv6CidrBlock;
        // A subnet's IPv6 block is a /64 of its VPC's /56 (VPC User Guide).
        if (v6?.version !== 6 || v6.prefix !== 64 || !vpcV6 || !contains(vpcV6, v6.network))
            fail("InvalidSubnet.Range", `The IPv6 CIDR '${p.Ipv6CidrBlock}' is invalid.`);
    }
    const subnet = addSubnet(account, region, {
        VpcId: vpc.VpcId,
        CidrBlock: cidr.network,
        AvailabilityZone: zone,
        Ipv6CidrBlock: p.Ipv6CidrBlock,
        Tags: tagsOf(p.TagSpecifications, "subnet"),
    });
    return { Subnet: answer(subnet) };
};

export function zoneByIdOf(region: string, id: string): string {
    return (
        ZONE_LETTERS.map((l) => region + l).find((z) => zoneId(z) === id) ??
        fail("InvalidParameterValue", `Value (${id}) for parameter availabilityZoneId is invalid.`)
    );
}

export const DescribeSubnets: Ec2Handler = (account, region, p) => ({
    Subnets: describe(account.state.subnets, region, p.SubnetIds, (s) => s.SubnetId, "subnet", subnetNotFound, p.Filters, subnetFields),
});

export const DeleteSubnet: Ec2Handler = (account, region, p) => {
    const subnet = subnetOf(account, region, p.SubnetId);
    // An endpoint's network interface in the subnet keeps it (EC2 API reference, DeleteSubnet: "You must terminate all
    // running instances in the subnet before you can delete the subnet"); text as EC2 answers DependencyViolation for
    // subnets in public issues.
    const interfaces = [
        ...account.state.vpcEndpoints.flatMap((e) => e.SubnetIds),
        ...(account.state.networkInterfaces ?? []).map((n) => n.SubnetId),
    ];
    if (interfaces.includes(subnet.SubnetId)) {
        fail("DependencyViolation", `The subnet '${subnet.SubnetId}' has dependencies and cannot be deleted.`);
    }
    account.state.subnets = account.state.subnets.filter((s) => s !== subnet);
    return {};
};

export const DescribeAvailabilityZones: Ec2Handler = (_account, region) => ({
    AvailabilityZones: ZONE_LETTERS.map((l) => ({
        ZoneName: region + l,
        ZoneId: zoneId(region + l),
        RegionName: region,
        State: "available",
        ZoneType: "availability-zone",
        GroupName: region,
        NetworkBorderGroup: region,
        OptInStatus: "opt-in-not-required",
    })),
});
