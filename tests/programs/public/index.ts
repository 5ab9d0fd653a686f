// A service left public behind a private endpoint, with the endpoint in one subnet.
import * as aws from "@pulumi/aws";
import { PrivateEndpoint } from "../../../sdk/index";
import { TOPOLOGY as T } from "../../../plan/aws/topology";

const service = new aws.apprunner.Service("svc", {
    serviceName: "public-api",
    sourceConfiguration: { imageRepository: { imageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest", imageRepositoryType: "ECR_PUBLIC" } },
});
export const url = new PrivateEndpoint("api", { serviceArn: service.arn, vpcId: T.vpcId, subnetIds: [T.subnetA] }).url;
