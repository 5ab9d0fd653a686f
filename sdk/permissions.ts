// The IAM actions a deployment of PrivateEndpoint needs: what the AWS provider (the Terraform AWS provider that
// @pulumi/aws bridges) really calls to create, read, update and delete what the component manages and to make its
// lookups, and what App Runner itself checks when it creates a connection. Sources: ../shared/AWS-FACTS.md,
// "Permissions the AWS provider really calls" (hashicorp/terraform-provider-aws sources; the CloudFormation resource
// schema aws-apprunner-vpcingressconnection.json), and the App Runner guide's list for private endpoints.

/** One IAM action, why the component needs it, and where that is known from. */
export interface RequiredPermission {
    action: string;
    reason: string;
    source: string;
    /** True when the provider logs and carries on without it. */
    optional?: boolean;
    /** True when it is needed even when the endpoint is reused (`vpcEndpointId`), i.e. for the connection alone. */
    connection?: boolean;
}

const GUIDE = "App Runner guide, Enabling Private endpoint";
const TF_VPC = "Terraform AWS provider, aws_vpc data source";
const TF_ENDPOINT = "Terraform AWS provider, aws_vpc_endpoint";
const TF_SG = "Terraform AWS provider, aws_security_group";
const TF_CONNECTION = "Terraform AWS provider, aws_apprunner_vpc_ingress_connection";
const CFN_CONNECTION = "CloudFormation schema AWS::AppRunner::VpcIngressConnection, handler permissions";
const CFN_CONNECTION_READ = "CloudFormation schema AWS::AppRunner::VpcIngressConnection, read handler permissions";
const CC_SERVICE =
    "Cloud Control API GetResource (IAM cloudformation:GetResource); CloudFormation schema AWS::AppRunner::Service, read handler permissions";

export const requiredPermissions: readonly RequiredPermission[] = [
    // The interface endpoint (with `subnetIds`).
    { action: "ec2:CreateVpcEndpoint", reason: "create the apprunner.requests interface endpoint", source: GUIDE },
    { action: "ec2:ModifyVpcEndpoint", reason: "update the endpoint's subnets, security groups or tags", source: GUIDE },
    { action: "ec2:DeleteVpcEndpoints", reason: "delete the endpoint", source: GUIDE },
    {
        action: "ec2:DescribeVpcEndpoints",
        reason: "read the endpoint and wait until it is available; look up an endpoint to adopt (`adoptVpcEndpointId`); App Runner reads it too, to create a connection",
        source: `${GUIDE}; ${CFN_CONNECTION}`,
        connection: true,
    },
    {
        action: "ec2:DescribePrefixLists",
        reason: "read the endpoint: the provider reads the endpoint service's prefix list, and fails without it",
        source: TF_ENDPOINT,
    },
    {
        action: "ec2:DescribeNetworkInterfaces",
        reason: "read the endpoint's network interfaces (their addresses) on every read of the endpoint",
        source: TF_ENDPOINT,
    },
    { action: "ec2:CreateTags", reason: "tag the endpoint and the security group", source: GUIDE },
    { action: "ec2:DeleteTags", reason: "remove tags from the endpoint or the security group", source: TF_ENDPOINT },
    // Lookups: the subnets' zones and owners, the VPC's CIDR blocks.
    {
        action: "ec2:DescribeSubnets",
        reason: "look up the subnets' VPC, Availability Zone, IPv6 block and owner; App Runner reads them too, to create a connection",
        source: `${GUIDE}; ${CFN_CONNECTION}`,
        connection: true,
    },
    {
        action: "ec2:DescribeVpcs",
        reason: "look up the VPC's CIDR blocks for the default security group rule; App Runner reads the VPC too, to create a connection",
        source: `${GUIDE}; ${CFN_CONNECTION}`,
        connection: true,
    },
    {
        action: "ec2:DescribeVpcAttribute",
        reason: "look up the VPC: the provider reads its DNS attributes, and fails without it",
        source: TF_VPC,
    },
    {
        action: "ec2:DescribeRouteTables",
        reason: "look up the VPC: the provider reads its main route table, and only logs a failure",
        source: TF_VPC,
        optional: true,
    },
    // The security group, when `securityGroupIds` is not given.
    { action: "ec2:CreateSecurityGroup", reason: "create the endpoint's security group", source: TF_SG },
    {
        action: "ec2:AuthorizeSecurityGroupIngress",
        reason: "allow TCP 443 from the allowed CIDR blocks and security groups",
        source: TF_SG,
    },
    { action: "ec2:RevokeSecurityGroupIngress", reason: "change the allowed CIDR blocks or security groups", source: TF_SG },
    { action: "ec2:RevokeSecurityGroupEgress", reason: "remove the allow-all egress rule AWS adds to a new group", source: TF_SG },
    {
        action: "ec2:DescribeSecurityGroups",
        reason: "read the security group; look up the VPC of each `allowedSecurityGroupIds` group, and a group to adopt (`adoptSecurityGroupId`)",
        source: TF_SG,
    },
    { action: "ec2:DeleteSecurityGroup", reason: "delete the security group", source: TF_SG },
    // The VPC ingress connection. The provider never calls UpdateVpcIngressConnection (every change but tags
    // replaces the connection) nor ListVpcIngressConnections, so neither is asked for.
    {
        action: "apprunner:CreateVpcIngressConnection",
        reason: "connect the service to the endpoint",
        source: TF_CONNECTION,
        connection: true,
    },
    {
        action: "apprunner:DescribeVpcIngressConnection",
        reason: "read the connection, its domain name and status, and wait for it; Cloud Control's read of a connection to adopt",
        source: `${TF_CONNECTION}; ${CFN_CONNECTION_READ}`,
        connection: true,
    },
    { action: "apprunner:DeleteVpcIngressConnection", reason: "delete the connection", source: TF_CONNECTION, connection: true },
    { action: "apprunner:TagResource", reason: "tag the connection", source: TF_CONNECTION, connection: true },
    { action: "apprunner:UntagResource", reason: "remove tags from the connection", source: TF_CONNECTION, connection: true },
    { action: "apprunner:ListTagsForResource", reason: "read the connection's tags", source: TF_CONNECTION, connection: true },
    // The service, looked up before anything is created (optional: without them the component warns and AWS judges
    // the service when the connection is created).
    {
        action: "cloudformation:GetResource",
        reason: "look up the service through Cloud Control before anything is created (it exists; whether it is public), and a connection to adopt (`adoptConnectionArn`)",
        source: CC_SERVICE,
        optional: true,
        connection: true,
    },
    {
        action: "apprunner:DescribeService",
        reason: "Cloud Control's read of the service (its read handler's permission)",
        source: CC_SERVICE,
        optional: true,
        connection: true,
    },
];

/**
 * An IAM policy document granting `requiredPermissions` (the optional ones included, so nothing is logged), on all
 * resources: the create actions take no resource ARNs, and the lookups are Describe calls.
 */
export function iamPolicyDocument(): {
    Version: "2012-10-17";
    Statement: { Sid: string; Effect: "Allow"; Action: string[]; Resource: "*" }[];
} {
    const byService = (prefix: string) => requiredPermissions.filter((p) => p.action.startsWith(`${prefix}:`)).map((p) => p.action);
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "AppRunnerPrivateEndpointEc2", Effect: "Allow", Action: byService("ec2"), Resource: "*" },
            { Sid: "AppRunnerPrivateEndpointConnection", Effect: "Allow", Action: byService("apprunner"), Resource: "*" },
            { Sid: "AppRunnerPrivateEndpointServiceLookup", Effect: "Allow", Action: byService("cloudformation"), Resource: "*" },
        ],
    };
}
