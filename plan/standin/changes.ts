// What the console does to the account, as AWS's calls: an endpoint made by hand, the stacks AWS Copilot leaves for a
// private Request-Driven Web Service, and the list of what was added.
import { randomInt } from "node:crypto";
import { AccountState, ServiceName } from "../aws";

/** One AWS API call in the console's region (the console's, the mocks', the tests'). */
export type Call = (service: ServiceName, action: string, params: Record<string, any>) => Record<string, any>;
type Tag = { Key: string; Value: string };

/**
 * An App Runner interface endpoint as someone makes it in the console: a security group of its own (TCP 443 from the
 * VPC's blocks, or all traffic from `ingressFrom`), then the endpoint in the subnets. Whether the App Runner console
 * turns private DNS on is unverified: off unless `privateDns`.
 */
export function createEndpoint(
    call: Call,
    region: string,
    vpcId: string,
    subnetIds: string[],
    opts: {
        groupName?: string;
        groupDescription?: string;
        ingressFrom?: string;
        privateDns?: boolean;
        ipAddressType?: string;
        tags?: Tag[];
    } = {},
): { vpcEndpointId: string; securityGroupId: string } {
    const { Vpcs } = call("ec2", "DescribeVpcs", { VpcIds: [vpcId] });
    const dualStack = opts.ipAddressType === "dualstack";
    const { GroupId } = call("ec2", "CreateSecurityGroup", {
        VpcId: vpcId,
        GroupName: opts.groupName ?? `apprunner-endpoint-${Date.now().toString(36)}`,
        Description: opts.groupDescription ?? "App Runner VPC endpoint",
        TagSpecifications: [{ ResourceType: "security-group", Tags: opts.tags ?? [] }],
    });
    call("ec2", "AuthorizeSecurityGroupIngress", {
        GroupId,
        IpPermissions: [
            opts.ingressFrom
                ? { IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: opts.ingressFrom }] }
                : {
                      IpProtocol: "tcp",
                      FromPort: 443,
                      ToPort: 443,
                      IpRanges: Vpcs[0].CidrBlockAssociationSet.map((a: any) => ({ CidrIp: a.CidrBlock })),
                      Ipv6Ranges: dualStack
                          ? (Vpcs[0].Ipv6CidrBlockAssociationSet ?? []).map((a: any) => ({ CidrIpv6: a.Ipv6CidrBlock }))
                          : [],
                  },
        ],
    });
    const { VpcEndpoint } = call("ec2", "CreateVpcEndpoint", {
        VpcEndpointType: "Interface",
        VpcId: vpcId,
        ServiceName: `com.amazonaws.${region}.apprunner.requests`,
        SubnetIds: subnetIds,
        SecurityGroupIds: [GroupId],
        PrivateDnsEnabled: opts.privateDns ?? false,
        ...(opts.ipAddressType ? { IpAddressType: opts.ipAddressType } : {}),
        TagSpecifications: [{ ResourceType: "vpc-endpoint", Tags: opts.tags ?? [] }],
    });
    return { vpcEndpointId: VpcEndpoint.VpcEndpointId, securityGroupId: GroupId };
}

/** `n` random characters of `alphabet`, as CloudFormation's generated names end. */
const random = (n: number, alphabet: string) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join("");
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const ALNUM = "abcdefghijklmnopqrstuvwxyz" + UPPER_ALNUM;

/**
 * A security group's name as CloudFormation generates it when the template gives none: "a unique physical ID"
 * (AWS::EC2::SecurityGroup GroupName). The shape `<stack>-<logical id>-<random>` is the one commonly seen, unverified.
 */
const cfnGroupName = (stack: string, logicalId: string) => `${stack}-${logicalId}-${random(13, UPPER_ALNUM)}`;

/**
 * What an AWS Copilot environment stack (`<app>-<env>`) keeps for its private Request-Driven Web Services
 * (aws/copilot-cli internal/pkg/template/templates/environment/cf.yml and partials/ar-vpc-connector.yml, v1.33):
 * `EnvironmentSecurityGroup` (description `<app>-<env>EnvironmentSecurityGroup`, tag Name=copilot-<app>-<env>-env);
 * `AppRunnerVpcEndpointSecurityGroup` (description `<app>-<env>-AppRunnerVpcEndpointSecurityGroup`, tag
 * Name=copilot-<app>-<env>-app-runner-vpc-endpoint, AWS's default allow-all egress) with
 * `AppRunnerVpcEndpointSecurityGroupIngressFromEnvironment` (all traffic from the environment's group); and
 * `AppRunnerVpcEndpoint` (Interface, apprunner.requests, the private subnets, that group, no tags, private DNS off:
 * CloudFormation's default). Whether CloudFormation also gives them the stack's `copilot-*` tags is unverified: not
 * here. CloudFormation's own `aws:cloudformation:*` tags cannot be made through the API: not here either.
 */
export function createCopilotEnvironment(call: Call, region: string, app: string, env: string, vpcId: string, subnetIds: string[]) {
    const stack = `${app}-${env}`;
    const { GroupId: environmentSecurityGroupId } = call("ec2", "CreateSecurityGroup", {
        VpcId: vpcId,
        GroupName: cfnGroupName(stack, "EnvironmentSecurityGroup"),
        Description: `${app}-${env}EnvironmentSecurityGroup`,
        TagSpecifications: [{ ResourceType: "security-group", Tags: [{ Key: "Name", Value: `copilot-${app}-${env}-env` }] }],
    });
    const { GroupId: securityGroupId } = call("ec2", "CreateSecurityGroup", {
        VpcId: vpcId,
        GroupName: cfnGroupName(stack, "AppRunnerVpcEndpointSecurityGroup"),
        Description: `${app}-${env}-AppRunnerVpcEndpointSecurityGroup`.slice(0, 255),
        TagSpecifications: [
            {
                ResourceType: "security-group",
                Tags: [{ Key: "Name", Value: `copilot-${app}-${env}-app-runner-vpc-endpoint`.slice(0, 255) }],
            },
        ],
    });
    call("ec2", "AuthorizeSecurityGroupIngress", {
        GroupId: securityGroupId,
        IpPermissions: [
            {
                IpProtocol: "-1",
                UserIdGroupPairs: [{ GroupId: environmentSecurityGroupId, Description: "Ingress from services in the environment" }],
            },
        ],
    });
    const { VpcEndpoint } = call("ec2", "CreateVpcEndpoint", {
        VpcEndpointType: "Interface",
        VpcId: vpcId,
        ServiceName: `com.amazonaws.${region}.apprunner.requests`,
        SubnetIds: subnetIds,
        SecurityGroupIds: [securityGroupId],
        PrivateDnsEnabled: false,
    });
    return { environmentSecurityGroupId, securityGroupId, vpcEndpointId: VpcEndpoint.VpcEndpointId as string };
}

/**
 * A private Request-Driven Web Service of a Copilot environment (templates/workloads/services/rd-web/cf.yml): the
 * service `<app>-<env>-<svc>` with `IsPubliclyAccessible: false`, and `AppRunnerVpcIngressConnection`, which the
 * template does not name, so CloudFormation's handler does: the logical id cut to 27 characters, `-` and 12 random
 * alphanumerics (aws-apprunner-vpcingressconnection CreateHandler; unverified against the deployed handler). Both
 * tagged copilot-application, copilot-environment and copilot-service.
 */
export function createCopilotService(call: Call, app: string, env: string, svc: string, vpcId: string, vpcEndpointId: string) {
    const tags = [
        { Key: "copilot-application", Value: app },
        { Key: "copilot-environment", Value: env },
        { Key: "copilot-service", Value: svc },
    ];
    const { Service } = call("apprunner", "CreateService", {
        ServiceName: `${app}-${env}-${svc}`,
        SourceConfiguration: {
            ImageRepository: {
                ImageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest",
                ImageRepositoryType: "ECR_PUBLIC",
            },
        },
        NetworkConfiguration: { IngressConfiguration: { IsPubliclyAccessible: false } },
        Tags: tags,
    });
    const { VpcIngressConnection: c } = call("apprunner", "CreateVpcIngressConnection", {
        ServiceArn: Service.ServiceArn,
        VpcIngressConnectionName: `${"AppRunnerVpcIngressConnection".slice(0, 27)}-${random(12, ALNUM)}`,
        IngressVpcConfiguration: { VpcId: vpcId, VpcEndpointId: vpcEndpointId },
        Tags: tags,
    });
    return {
        serviceArn: Service.ServiceArn as string,
        vpcIngressConnectionArn: c.VpcIngressConnectionArn as string,
        name: c.VpcIngressConnectionName as string,
        domainName: c.DomainName as string,
    };
}

/** Everything the account holds that was not in its starting topology (deleted services and connections left out). */
export function list(aws: AccountState) {
    const fresh = (id: string) => !aws.baseline.includes(id);
    return [
        ...aws.vpcs.filter((v) => fresh(v.VpcId)).map((v) => ({ type: "vpc", id: v.VpcId, cidrBlock: v.CidrBlock })),
        ...aws.subnets
            .filter((s) => fresh(s.SubnetId))
            .map((s) => ({ type: "subnet", id: s.SubnetId, vpcId: s.VpcId, availabilityZone: s.AvailabilityZone })),
        ...aws.securityGroups
            .filter((g) => fresh(g.GroupId) && g.GroupName !== "default")
            .map((g) => ({ type: "security-group", id: g.GroupId, name: g.GroupName, vpcId: g.VpcId })),
        ...aws.vpcEndpoints
            .filter((e) => fresh(e.VpcEndpointId))
            .map((e) => ({ type: "vpc-endpoint", id: e.VpcEndpointId, vpcId: e.VpcId, state: e.State, subnetIds: e.SubnetIds })),
        ...aws.services
            .filter((s) => fresh(s.ServiceArn) && s.Status !== "DELETED")
            .map((s) => ({ type: "apprunner-service", id: s.ServiceArn, status: s.Status })),
        ...aws.connections
            .filter((c) => fresh(c.VpcIngressConnectionArn) && c.Status !== "DELETED")
            .map((c) => ({
                type: "vpc-ingress-connection",
                id: c.VpcIngressConnectionArn,
                name: c.VpcIngressConnectionName,
                serviceArn: c.ServiceArn,
                status: c.Status,
                domainName: c.DomainName,
            })),
    ];
}
