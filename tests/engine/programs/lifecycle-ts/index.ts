// The children a PrivateEndpoint creates, made directly so that a test can change each input alone: a security group,
// an App Runner interface endpoint in it, and a VPC ingress connection through Cloud Control. Each takes its inputs from
// a JSON configuration value; the connection's desired state is built here, its endpoint either this program's or one
// given by id.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const group = new aws.ec2.SecurityGroup("group", config.requireObject<aws.ec2.SecurityGroupArgs>("group"));
const e = config.requireObject<aws.ec2.VpcEndpointArgs & { ownGroup?: boolean }>("endpoint");
const { ownGroup, ...endpointArgs } = e;
const endpoint = new aws.ec2.VpcEndpoint("endpoint", { ...endpointArgs, ...(ownGroup ? { securityGroupIds: [group.id] } : {}) });
const c = config.requireObject<{
    typeName: string;
    serviceArn: string;
    name?: string;
    vpcId: string;
    vpcEndpointId?: string;
    schema?: string;
    region?: string;
}>("connection");
const desiredState = pulumi.all([endpoint.id]).apply(([created]) =>
    JSON.stringify({
        ServiceArn: c.serviceArn,
        ...(c.name ? { VpcIngressConnectionName: c.name } : {}),
        IngressVpcConfiguration: { VpcId: c.vpcId, VpcEndpointId: c.vpcEndpointId ?? created },
    }),
);
new aws.cloudcontrol.Resource(
    "connection",
    { typeName: c.typeName, desiredState, ...(c.schema ? { schema: c.schema } : {}), ...(c.region ? { region: c.region } : {}) },
    { deleteBeforeReplace: true },
);
