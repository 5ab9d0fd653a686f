// 150 services on one endpoint: a long program, for the plan's progress lines.
import * as aws from "@pulumi/aws";
import { PrivateEndpoint } from "../../../sdk/index";
import { TOPOLOGY as T } from "../../../plan/aws/topology";

const services = Array.from({ length: 150 }, (_, i) =>
    new aws.apprunner.Service(`svc${i}`, {
        serviceName: `service-${i}`,
        sourceConfiguration: { imageRepository: { imageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest", imageRepositoryType: "ECR_PUBLIC" } },
        networkConfiguration: { ingressConfiguration: { isPubliclyAccessible: false } },
    }),
);
const first = new PrivateEndpoint("svc0", { serviceArn: services[0].arn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] });
services.slice(1).forEach((s, i) => new PrivateEndpoint(`svc${i + 1}`, { serviceArn: s.arn, vpcId: T.vpcId, vpcEndpointId: first.vpcEndpointId }));
