// Two private App Runner services behind one shared interface endpoint, in an existing VPC.
// An interface endpoint is billed per Availability Zone per hour, so the second service reuses the first one's.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PrivateEndpoint } from "@apprunner-private/apprunner-private";

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

const api = new PrivateEndpoint("api", { serviceArn: privateService("api").arn, vpcId, subnetIds });
const admin = new PrivateEndpoint("admin", {
    serviceArn: privateService("admin").arn,
    vpcId,
    vpcEndpointId: api.vpcEndpointId,
});

export const apiUrl = api.url;
export const adminUrl = admin.url;
export const vpcEndpointId = api.vpcEndpointId;
