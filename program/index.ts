// The root project: a complete private App Runner service. `pulumi up` at the repository root deploys it:
// a VPC with one private subnet in each of two Availability Zones, an App Runner service that is not
// publicly accessible, and a PrivateEndpoint that makes it reachable from inside the VPC only.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PrivateEndpoint } from "../sdk/index";

const config = new pulumi.Config();
const image = config.get("image") ?? "public.ecr.aws/aws-containers/hello-app-runner:latest";

const zones = aws.getAvailabilityZonesOutput({ state: "available" });
const vpc = new aws.ec2.Vpc("vpc", {
    cidrBlock: "10.0.0.0/16",
    // Clients in the VPC resolve the service's private domain name through the VPC's resolver.
    enableDnsSupport: true,
    enableDnsHostnames: true,
    tags: { Name: "apprunner-private" },
});
const subnets = [0, 1].map(
    (i) =>
        new aws.ec2.Subnet(`private-${i}`, {
            vpcId: vpc.id,
            cidrBlock: `10.0.${i}.0/24`,
            availabilityZone: zones.names[i],
            tags: { Name: `apprunner-private-${i}` },
        }),
);

const service = new aws.apprunner.Service("hello", {
    serviceName: "private-hello",
    sourceConfiguration: {
        autoDeploymentsEnabled: false,
        imageRepository: {
            imageIdentifier: image,
            imageRepositoryType: "ECR_PUBLIC",
            imageConfiguration: { port: "8000" },
        },
    },
    // AWS's procedure for a private service sets this before connecting it; the policy pack fails a stack without it.
    networkConfiguration: { ingressConfiguration: { isPubliclyAccessible: false } },
});

const endpoint = new PrivateEndpoint("hello", {
    serviceArn: service.arn,
    vpcId: vpc.id,
    subnetIds: subnets.map((s) => s.id),
});

/** Reachable from inside the VPC only, e.g. `curl $(pulumi stack output url)` from an instance in a subnet. */
export const url = endpoint.url;
export const vpcEndpointId = endpoint.vpcEndpointId;
export const vpcId = vpc.id;
