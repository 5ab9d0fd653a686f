// Two private App Runner services behind one shared interface endpoint, in an existing VPC. The endpoint is an
// InterfaceEndpoint owned by no service (it is billed per Availability Zone per hour, and serves every service in the
// VPC), so either service can be removed without touching it.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { InterfaceEndpoint, PrivateEndpoint } from "@apprunner-private/apprunner-private";

const config = new pulumi.Config();
const vpcId = config.require("vpcId");
const subnetIds = config.requireObject<string[]>("subnetIds");

function privateService(name: string): aws.apprunner.Service {
    return new aws.apprunner.Service(name, {
        serviceName: `private-${name}`,
        sourceConfiguration: {
            autoDeploymentsEnabled: false,
            imageRepository: {
                imageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest",
                imageRepositoryType: "ECR_PUBLIC",
                imageConfiguration: { port: "8000" },
            },
        },
        networkConfiguration: { ingressConfiguration: { isPubliclyAccessible: false } },
    });
}

const shared = new InterfaceEndpoint("shared", { vpcId, subnetIds });
const api = new PrivateEndpoint("api", { serviceArn: privateService("api").arn, vpcId, vpcEndpointId: shared.vpcEndpointId });
const admin = new PrivateEndpoint("admin", { serviceArn: privateService("admin").arn, vpcId, vpcEndpointId: shared.vpcEndpointId });

export const apiUrl = api.url;
export const adminUrl = admin.url;
export const vpcEndpointId = shared.vpcEndpointId;
