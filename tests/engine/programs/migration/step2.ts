// Migration, step 2: the "api" service and its PrivateEndpoint are retired; the endpoint stays, owned by no service.
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

// adoptFrom did its work in step 1: the endpoint's state now lives under the InterfaceEndpoint, so it can go.
const shared = new InterfaceEndpoint("shared", { vpcId, subnetIds });
const admin = new PrivateEndpoint("admin", { serviceArn: privateService("admin").arn, vpcId, vpcEndpointId: shared.vpcEndpointId });

export const adminUrl = admin.url;
export const vpcEndpointId = shared.vpcEndpointId;
