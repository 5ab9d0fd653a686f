// Amazon EC2 as the model serves it: every action, by name, from the files of each family.
import { Ec2Handler } from "./common";
import { CreateVpcEndpoint, DeleteVpcEndpoints, DescribeVpcEndpointServices, DescribeVpcEndpoints, ModifyVpcEndpoint } from "./endpoints";
import { authorize, CreateSecurityGroup, DeleteSecurityGroup, DescribeSecurityGroups, revoke } from "./securityGroups";
import { DescribeNetworkInterfaces } from "./networkInterfaces";
import { CreateTags, DeleteTags } from "./tags";
import {
    CreateSubnet,
    CreateVpc,
    DeleteSubnet,
    DeleteVpc,
    DescribeAvailabilityZones,
    DescribeSubnets,
    DescribeVpcAttribute,
    DescribeVpcs,
    ModifyVpcAttribute,
} from "./vpcs";
export { APP_RUNNER_REGIONS, ZONE_LETTERS, answer, vpcOf } from "./common";
export type { Ec2Handler } from "./common";
export { addSubnet, addVpc, permission } from "./vpcs";
export { addNetworkInterface, endpointInterfaces } from "./networkInterfaces";

export const ec2: Record<string, Ec2Handler> = {
    CreateVpc,
    DescribeVpcs,
    ModifyVpcAttribute,
    DescribeVpcAttribute,
    DeleteVpc,
    CreateSubnet,
    DescribeSubnets,
    DeleteSubnet,
    DescribeAvailabilityZones,
    CreateSecurityGroup,
    DescribeSecurityGroups,
    AuthorizeSecurityGroupIngress: authorize("IpPermissions"),
    AuthorizeSecurityGroupEgress: authorize("IpPermissionsEgress"),
    RevokeSecurityGroupIngress: revoke("IpPermissions"),
    RevokeSecurityGroupEgress: revoke("IpPermissionsEgress"),
    DeleteSecurityGroup,
    CreateVpcEndpoint,
    ModifyVpcEndpoint,
    DeleteVpcEndpoints,
    DescribeVpcEndpoints,
    DescribeVpcEndpointServices,
    DescribeNetworkInterfaces,
    CreateTags,
    DeleteTags,
};
