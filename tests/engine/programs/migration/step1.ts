// Migration, step 1 (README, "Moving a shared endpoint to an InterfaceEndpoint"): the 0.1.0 two-services program, whose
// "api" PrivateEndpoint created the endpoint that "admin" reused.
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

// The endpoint moves from the "api" PrivateEndpoint to an InterfaceEndpoint, which adopts it (and its security
// group) under aliases: nothing is replaced, and both connections keep going through it.
const shared = new InterfaceEndpoint("shared", { vpcId, subnetIds, adoptFrom: "api" });
const api = new PrivateEndpoint("api", { serviceArn: privateService("api").arn, vpcId, vpcEndpointId: shared.vpcEndpointId });
const admin = new PrivateEndpoint("admin", { serviceArn: privateService("admin").arn, vpcId, vpcEndpointId: shared.vpcEndpointId });

export const apiUrl = api.url;
export const adminUrl = admin.url;
export const vpcEndpointId = shared.vpcEndpointId;
