// The IAM actions a deployment of PrivateEndpoint needs, to create, update and delete what it manages and to make
// its lookups. Sources: the App Runner guide's list for private endpoints (the EC2 actions marked "guide"), the
// App Runner API's VpcIngressConnection operations, and the EC2 calls the AWS provider makes for a security
// group (create, authorize, revoke the default egress rule, describe, delete) and an interface endpoint.

/** One IAM action, and why the component needs it. */
export interface RequiredPermission {
    action: string;
    reason: string;
}

export const requiredPermissions: readonly RequiredPermission[] = [
    // The App Runner guide, "Enabling Private endpoint for incoming traffic", Permissions.
    { action: "ec2:CreateTags", reason: "tag the endpoint and the security group (guide)" },
    { action: "ec2:CreateVpcEndpoint", reason: "create the apprunner.requests interface endpoint (guide)" },
    { action: "ec2:ModifyVpcEndpoint", reason: "update the endpoint's subnets, security groups or tags (guide)" },
    { action: "ec2:DeleteVpcEndpoints", reason: "delete the endpoint (guide)" },
    { action: "ec2:DescribeSubnets", reason: "look up the subnets' VPC and Availability Zone (guide)" },
    { action: "ec2:DescribeVpcEndpoints", reason: "read the endpoint and wait until it is available (guide)" },
    { action: "ec2:DescribeVpcs", reason: "look up the VPC's CIDR blocks for the default security group rule (guide)" },
    // The security group the component creates when `securityGroupIds` is not given.
    { action: "ec2:CreateSecurityGroup", reason: "create the endpoint's security group" },
    { action: "ec2:AuthorizeSecurityGroupIngress", reason: "allow TCP 443 from the allowed CIDR blocks" },
    { action: "ec2:RevokeSecurityGroupIngress", reason: "change the allowed CIDR blocks" },
    { action: "ec2:RevokeSecurityGroupEgress", reason: "remove the allow-all egress rule AWS adds to a new group" },
    { action: "ec2:DescribeSecurityGroups", reason: "read the security group" },
    { action: "ec2:DeleteSecurityGroup", reason: "delete the security group" },
    { action: "ec2:DeleteTags", reason: "remove tags from the endpoint or the security group" },
    { action: "ec2:DescribeNetworkInterfaces", reason: "wait for the endpoint's network interfaces on deletion" },
    // The VPC ingress connection (App Runner API).
    { action: "apprunner:CreateVpcIngressConnection", reason: "connect the service to the endpoint" },
    { action: "apprunner:DescribeVpcIngressConnection", reason: "read the connection, its domain name and status" },
    { action: "apprunner:UpdateVpcIngressConnection", reason: "move the connection to another endpoint" },
    { action: "apprunner:DeleteVpcIngressConnection", reason: "delete the connection" },
    { action: "apprunner:ListVpcIngressConnections", reason: "find connections by service" },
    { action: "apprunner:TagResource", reason: "tag the connection" },
    { action: "apprunner:UntagResource", reason: "remove tags from the connection" },
    { action: "apprunner:ListTagsForResource", reason: "read the connection's tags" },
];

/** An IAM policy document granting `requiredPermissions`, on all resources (the actions take no resource ARNs at creation). */
export function iamPolicyDocument(): { Version: "2012-10-17"; Statement: { Sid: string; Effect: "Allow"; Action: string[]; Resource: "*" }[] } {
    const byService = (prefix: string) => requiredPermissions.filter((p) => p.action.startsWith(`${prefix}:`)).map((p) => p.action);
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "AppRunnerPrivateEndpointEc2", Effect: "Allow", Action: byService("ec2"), Resource: "*" },
            { Sid: "AppRunnerPrivateEndpointConnection", Effect: "Allow", Action: byService("apprunner"), Resource: "*" },
        ],
    };
}
