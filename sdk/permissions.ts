// The IAM actions a deployment of PrivateEndpoint needs: what the AWS provider (the Terraform AWS provider that
// @pulumi/aws bridges) really calls to create, read, update and delete what the component manages and to make its
// lookups; for the VPC ingress connection, which is a Cloud Control resource, the Cloud Control actions (IAM prefix
// `cloudformation:`) and what CloudFormation's handler for AWS::AppRunner::VpcIngressConnection calls in the caller's
// name (its schema's handler and tagging permissions, as the registry publishes it). Sources: the Terraform AWS provider's
// resources (hashicorp/terraform-provider-aws internal/service/ec2, internal/service/cloudcontrol), the CloudFormation
// resource schema aws-apprunner-vpcingressconnection.json, and the App Runner guide's list for private endpoints.

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
const TF_CLOUDCONTROL = "Terraform AWS provider, aws_cloudcontrolapi_resource";
const CFN_CONNECTION = "CloudFormation schema AWS::AppRunner::VpcIngressConnection, handler permissions (as published)";
const CFN_CONNECTION_READ = "CloudFormation schema AWS::AppRunner::VpcIngressConnection, read handler permissions";
const CC_SERVICE =
    "Cloud Control API GetResource (IAM cloudformation:GetResource); CloudFormation schema " +
    "AWS::AppRunner::Service, read handler permissions";

export const requiredPermissions: readonly RequiredPermission[] = [
    // The interface endpoint (with `subnetIds`).
    { action: "ec2:CreateVpcEndpoint", reason: "create the apprunner.requests interface endpoint", source: GUIDE },
    { action: "ec2:ModifyVpcEndpoint", reason: "update the endpoint's subnets, security groups or tags", source: GUIDE },
    { action: "ec2:DeleteVpcEndpoints", reason: "delete the endpoint", source: GUIDE },
    {
        action: "ec2:DescribeVpcEndpoints",
        reason:
            "read the endpoint and wait until it is available; look up an endpoint to adopt " +
            "(`adoptVpcEndpointId`); App Runner reads it too, to create a connection",
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
        reason:
            "read the endpoint's network interfaces (their addresses) on every read of the endpoint; " +
            "look up the interfaces in an adopted security group (`adoptSecurityGroupId`)",
        source: TF_ENDPOINT,
    },
    {
        action: "ec2:DescribeVpcEndpointServices",
        reason:
            "look up the Availability Zones App Runner's endpoint service is offered in, to check the " +
            "subnets' zones (optional: without it, AWS judges them when the endpoint is created)",
        source: "Terraform AWS provider, aws_vpc_endpoint_service data source",
        optional: true,
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
        reason:
            "read the security group; look up the VPC of each `allowedSecurityGroupIds` group, and a " +
            "group to adopt (`adoptSecurityGroupId`)",
        source: TF_SG,
    },
    { action: "ec2:DeleteSecurityGroup", reason: "delete the security group", source: TF_SG },
    // The VPC ingress connection: Cloud Control's actions (the AWS provider's aws.cloudcontrol.Resource), and App Runner's,
    // which CloudFormation's handlers make with the caller's credentials. DescribeType is not needed: the component gives
    // the type's schema. ListVpcIngressConnections (the list handler) is never called.
    {
        action: "cloudformation:CreateResource",
        reason: "create the connection through Cloud Control",
        source: TF_CLOUDCONTROL,
        connection: true,
    },
    {
        action: "cloudformation:GetResource",
        reason:
            "read the connection through Cloud Control (its domain name and status); look up the " +
            "service before anything is created, and a connection to adopt (`adoptConnectionArn`)",
        source: `${TF_CLOUDCONTROL}; ${CC_SERVICE}`,
        connection: true,
    },
    {
        action: "cloudformation:UpdateResource",
        reason: "move the connection to another endpoint or VPC, in place",
        source: TF_CLOUDCONTROL,
        connection: true,
    },
    {
        action: "cloudformation:DeleteResource",
        reason: "delete the connection through Cloud Control",
        source: TF_CLOUDCONTROL,
        connection: true,
    },
    {
        action: "cloudformation:GetResourceRequestStatus",
        reason: "wait for Cloud Control to finish a create, an update or a delete",
        source: TF_CLOUDCONTROL,
        connection: true,
    },
    {
        action: "apprunner:CreateVpcIngressConnection",
        reason: "connect the service to the endpoint (CloudFormation's create handler)",
        source: CFN_CONNECTION,
        connection: true,
    },
    {
        action: "apprunner:DescribeVpcIngressConnection",
        reason: "read the connection and wait for it (every handler); Cloud Control's read of a connection to adopt",
        source: `${CFN_CONNECTION}; ${CFN_CONNECTION_READ}`,
        connection: true,
    },
    {
        action: "apprunner:UpdateVpcIngressConnection",
        reason: "move the connection to another endpoint or VPC (CloudFormation's update handler)",
        source: CFN_CONNECTION,
        connection: true,
    },
    {
        action: "apprunner:DeleteVpcIngressConnection",
        reason: "delete the connection (CloudFormation's delete handler)",
        source: CFN_CONNECTION,
        connection: true,
    },
    {
        action: "apprunner:TagResource",
        reason: "listed by CloudFormation's create handler (the component gives the connection no tags)",
        source: CFN_CONNECTION,
        connection: true,
    },
    // The service, looked up before anything is created (optional: without it the component warns and AWS judges the
    // service when the connection is created).
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
            { Sid: "AppRunnerPrivateEndpointCloudControl", Effect: "Allow", Action: byService("cloudformation"), Resource: "*" },
        ],
    };
}
